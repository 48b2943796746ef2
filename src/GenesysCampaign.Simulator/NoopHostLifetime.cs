namespace GenesysCloud.Outbound.Simulator;

/// <summary>
/// Replaces the console lifetime so an in-process simulator never hooks the test host's Ctrl+C;
/// process mode handles signals itself in <see cref="Program"/>.
/// </summary>
internal sealed class NoopHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
