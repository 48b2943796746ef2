namespace GenesysCloud.Outbound.Simulator;

/// <summary>One thing the simulated org did by itself: a schedule, sequence or rule acting on a campaign or sequence.</summary>
/// <param name="At">The simulator clock's time (see <see cref="GenesysSimulator.ClockNow"/>).</param>
/// <param name="Source">What acted: <c>schedule:{id}</c>, <c>sequence:{id}</c> or <c>rule:{id}</c>.</param>
/// <param name="Target">The campaign, messaging campaign or sequence id acted on.</param>
/// <param name="Action">What was asked: <c>on</c>, <c>off</c>, <c>advance</c>, <c>complete</c>, or a rule's <c>actionType</c>.</param>
/// <param name="Outcome"><c>changed</c>, <c>unchanged</c> (it already was so), or why not (a refusal's message, <c>not simulated</c>, <c>not found</c>).</param>
public sealed record AutomationEntry(DateTimeOffset At, string Source, string Target, string Action, string Outcome);
