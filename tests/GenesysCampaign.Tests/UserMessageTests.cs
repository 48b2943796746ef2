using System.Text.RegularExpressions;
using GenesysCloud.Outbound;
using GenesysCloud.Outbound.Api;
using GenesysCloud.Outbound.Audit;
using Xunit;

namespace GenesysCampaign.Tests;

/// <summary>Messages a user can meet carry no .NET "(Parameter 'x')" suffix (issue 10, point 5).</summary>
public class UserMessageTests
{
    [Theory]
    [InlineData("relative/path", "BaseUri must be an absolute URI such as https://proxy.example.com/ or http://127.0.0.1:5000/.")]
    [InlineData("ftp://127.0.0.1/", "BaseUri 'ftp://127.0.0.1/' must use https (or http to loopback).")]
    [InlineData("http://proxy.example.com/", "BaseUri 'http://proxy.example.com/' uses plain http to a host that is not loopback. Use https, or http only to 127.0.0.1, ::1 or localhost.")]
    public void BaseUri_refusals_say_only_what_is_wrong(string uri, string message)
    {
        var ex = Assert.Throws<ArgumentException>(() => GenesysEndpoints.ForBaseUri(new Uri(uri, UriKind.RelativeOrAbsolute)));
        Assert.Equal(message, ex.Message);
        Assert.Null(ex.ParamName);
    }

    [Fact]
    public void Region_refusals_say_only_what_is_wrong()
    {
        var empty = Assert.Throws<ArgumentException>(() => GenesysRegions.ResolveHost(" "));
        Assert.Equal("The Genesys Cloud environment is empty. Use a region host such as 'mypurecloud.ie' or a name such as 'eu-west-1'.", empty.Message);
        var unknown = Assert.Throws<ArgumentException>(() => GenesysRegions.ResolveHost("mars-north-1"));
        Assert.StartsWith("'mars-north-1' is not a Genesys Cloud region. Use a region host such as 'mypurecloud.ie' or a name such as 'eu-west-1' (us-east-1, ", unknown.Message);
        Assert.EndsWith(").", unknown.Message);
    }

    [Fact]
    public void An_empty_client_id_says_so_without_a_parameter_name()
    {
        var ex = Assert.Throws<ArgumentException>(() => GenesysConnection.WithClientCredentials(GenesysEndpoints.ForEnvironment("eu-west-1"), " ", new System.Security.SecureString()));
        Assert.Equal("The OAuth client id is empty.", ex.Message);
    }

    [Fact]
    public void An_audit_log_path_that_is_not_a_path_says_why_without_a_parameter_name()
    {
        var ex = Assert.Throws<ArgumentException>(() => new JsonLinesAuditSink("audit\0.jsonl"));
        Assert.Equal("Null character in path.", ex.Message);
        Assert.Equal("The audit log path is empty.", Assert.Throws<ArgumentException>(() => new JsonLinesAuditSink(" ")).Message);
    }

    [Theory]
    [InlineData("Null character in path. (Parameter 'path')", "Null character in path.")]
    [InlineData("Illegal characters in path.\r\nParameter name: path", "Illegal characters in path.")]
    public void The_suffix_goes_in_both_runtimes_wording(string dotnetMessage, string shown)
    {
        var ex = WordedArgumentException.OfPath(dotnetMessage, "any");
        Assert.Equal(shown, UserMessage.Of(ex));
        var clean = UserMessage.Clean(ex);
        Assert.Equal(shown, clean.Message);
        Assert.Same(ex, clean.InnerException);
        var plain = new ArgumentException("No parameter named.");
        Assert.Same(plain, UserMessage.Clean(plain));
    }

    /// <summary>
    /// The whole kind, for good: no ArgumentException in the module's code is thrown with a message
    /// and a parameter name (which .NET appends to the message). Guards such as
    /// ArgumentNullException(nameof(x)) on internal calls are programming errors, not user input.
    /// </summary>
    [Fact]
    public void No_module_code_throws_an_ArgumentException_with_a_message_and_a_parameter_name()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "GenesysCampaign.sln")))
        {
            root = root.Parent;
        }

        Assert.NotNull(root);
        var pattern = new Regex(@"new\s+Argument(OutOfRange)?Exception\(\s*\$?""(?:[^""\\]|\\.)*""\s*,\s*nameof\(", RegexOptions.Singleline);
        var offenders = new[] { "src/GenesysCampaign", "src/GenesysCampaign.Core" }
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(root!.FullName, folder), "*.cs", SearchOption.AllDirectories))
            .Where(file => !file.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .Where(file => pattern.IsMatch(File.ReadAllText(file)))
            .ToList();
        Assert.Empty(offenders);
    }

    private sealed class WordedArgumentException(string message, string paramName) : ArgumentException(message, paramName)
    {
        public override string Message { get; } = message;

        /// <summary>As a method with a <c>path</c> parameter (a file stream's) throws it.</summary>
        public static WordedArgumentException OfPath(string message, string path) => new(message, nameof(path));
    }
}
