using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using GenesysCloud.Outbound.Api;
using Xunit;

namespace GenesysCampaign.Tests;

/// <summary>
/// Issue 10, point 4: TLS 1.2 is added to what a .NET Framework process allows (never anything
/// removed), and a failed TLS handshake is said as what it is, once, not retried as a network fault.
/// </summary>
public sealed class TlsTests
{
    // SecurityProtocolType values by number: several names are obsolete on .NET 10.
    private const SecurityProtocolType Ssl3 = (SecurityProtocolType)48;
    private const SecurityProtocolType Tls10 = (SecurityProtocolType)192;
    private const SecurityProtocolType Tls11 = (SecurityProtocolType)768;
    private const SecurityProtocolType Tls12 = (SecurityProtocolType)3072;
    private const SecurityProtocolType Tls13 = (SecurityProtocolType)12288;

    [Theory]
    [InlineData(Ssl3 | Tls10, Ssl3 | Tls10 | Tls12)]   // Windows PowerShell 5.1 without SchUseStrongCrypto
    [InlineData(Tls10 | Tls11, Tls10 | Tls11 | Tls12)]
    [InlineData(Tls13, Tls13 | Tls12)]
    [InlineData(Tls12, Tls12)]
    [InlineData((SecurityProtocolType)0, (SecurityProtocolType)0)] // SystemDefault: the OS offers 1.2+ itself; pinning it would drop TLS 1.3
    public void Tls12_is_added_and_nothing_is_removed(SecurityProtocolType current, SecurityProtocolType expected) =>
        Assert.Equal(expected, TlsPolicy.WithTls12(current));

    [Fact]
    public void Handshake_failures_are_told_apart_from_other_network_faults_on_both_runtimes()
    {
        Assert.True(TlsPolicy.IsHandshakeFailure(new HttpRequestException("x", new System.Security.Authentication.AuthenticationException("The remote certificate is invalid"))));
        Assert.True(TlsPolicy.IsHandshakeFailure(new HttpRequestException("x", new WebException("Could not create SSL/TLS secure channel.", WebExceptionStatus.SecureChannelFailure))));
        Assert.True(TlsPolicy.IsHandshakeFailure(new HttpRequestException("x", new WebException("trust", WebExceptionStatus.TrustFailure))));
        Assert.False(TlsPolicy.IsHandshakeFailure(new HttpRequestException("x", new WebException("refused", WebExceptionStatus.ConnectFailure))));
        Assert.False(TlsPolicy.IsHandshakeFailure(new HttpRequestException("x", new IOException("reset"))));
    }

    [Fact]
    public async Task A_failed_handshake_is_reported_as_such_after_one_attempt()
    {
        using var server = new UntrustedTlsServer();
        var connection = GenesysConnection.WithClientCredentials(GenesysEndpoints.ForBaseUri(server.BaseUri), "sim-client", SecretText.Protect("sim-secret"));
        connection.Resilience.BaseDelay = TimeSpan.FromMilliseconds(20);
        connection.Resilience.MaxDelay = TimeSpan.FromMilliseconds(50);
        using var _ = connection;

        var ex = await Assert.ThrowsAsync<GenesysApiException>(() => connection.CreateClient().AuthenticateAsync(CancellationToken.None));

        Assert.Equal(GenesysApiClient.TlsHandshakeFailedCode, ex.Code);
        Assert.Equal(0, ex.StatusCode);
        Assert.Contains("TLS handshake with 127.0.0.1 failed", ex.Message);
        Assert.Contains("not retried", ex.Message);
        Assert.Equal(1, server.Handshakes);
    }

    /// <summary>A TLS server on loopback whose certificate no client trusts (self-signed).</summary>
    private sealed class UntrustedTlsServer : IDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly X509Certificate2 _certificate;
        private int _handshakes;

        public UntrustedTlsServer()
        {
            using var key = RSA.Create(2048);
            var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var selfSigned = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
            _certificate = X509CertificateLoader.LoadPkcs12(selfSigned.Export(X509ContentType.Pfx), null);
            _listener.Start();
            _ = AcceptAsync();
        }

        public Uri BaseUri => new($"https://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");

        public int Handshakes => Volatile.Read(ref _handshakes);

        public void Dispose()
        {
            _listener.Stop();
            _certificate.Dispose();
        }

        private async Task AcceptAsync()
        {
            while (true)
            {
                TcpClient client;
                try
                {
                    client = await _listener.AcceptTcpClientAsync();
                }
                catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
                {
                    return;
                }

                Interlocked.Increment(ref _handshakes);
                _ = Task.Run(async () =>
                {
                    using (client)
                    using (var tls = new SslStream(client.GetStream()))
                    {
                        try
                        {
                            await tls.AuthenticateAsServerAsync(_certificate);
                        }
                        catch (Exception ex) when (ex is IOException or System.Security.Authentication.AuthenticationException)
                        {
                            // The client refused the certificate: the point of this server.
                        }
                    }
                });
            }
        }
    }
}
