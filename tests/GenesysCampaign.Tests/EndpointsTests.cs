using GenesysCloud.Outbound.Api;
using Xunit;

namespace GenesysCampaign.Tests;

public class EndpointsTests
{
    [Theory]
    [InlineData("eu-west-1", "mypurecloud.ie")]
    [InlineData("mypurecloud.ie", "mypurecloud.ie")]
    [InlineData("https://api.mypurecloud.de/", "mypurecloud.de")]
    [InlineData("login.usw2.pure.cloud", "usw2.pure.cloud")]
    [InlineData("AP-SOUTHEAST-2", "mypurecloud.com.au")]
    [InlineData("eusc-de-east-1", "edee1.eusc-pure.cloud")]
    public void Regions_resolve_by_host_or_AWS_name(string input, string host)
    {
        Assert.Equal(host, GenesysRegions.ResolveHost(input));
        var endpoints = GenesysEndpoints.ForEnvironment(input);
        Assert.Equal($"https://api.{host}/", endpoints.ApiBase.ToString());
        Assert.Equal($"https://login.{host}/", endpoints.LoginBase.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("mars-north-1")]
    public void An_unknown_region_says_which_names_work(string input)
    {
        var ex = Assert.Throws<ArgumentException>(() => GenesysRegions.ResolveHost(input));
        Assert.Contains("eu-west-1", ex.Message);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5000")]
    [InlineData("http://localhost:8080/")]
    [InlineData("http://[::1]:9000/")]
    [InlineData("https://proxy.example.com/genesys")]
    public void BaseUri_allows_https_and_loopback_http(string uri)
    {
        var endpoints = GenesysEndpoints.ForBaseUri(new Uri(uri));
        Assert.EndsWith("/", endpoints.ApiBase.ToString());
        Assert.Equal(endpoints.ApiBase, endpoints.LoginBase);
    }

    [Theory]
    [InlineData("http://10.0.0.5:5000/")]
    [InlineData("http://proxy.example.com/")]
    [InlineData("ftp://127.0.0.1/")]
    public void BaseUri_refuses_plain_http_off_loopback_and_says_why(string uri)
    {
        var ex = Assert.Throws<ArgumentException>(() => GenesysEndpoints.ForBaseUri(new Uri(uri)));
        Assert.Contains("https", ex.Message);
    }
}
