using System;
using System.Text.RegularExpressions;

namespace GenesysCloud.Outbound;

/// <summary>
/// Exception text as a user at a prompt should read it. An <see cref="ArgumentException"/> that
/// names its parameter appends "(Parameter 'x')" (.NET) or "Parameter name: x" (.NET Framework) to
/// its message: the name of a C# parameter, which means nothing to someone who typed -BaseUri.
/// </summary>
internal static class UserMessage
{
    private static readonly Regex ParameterSuffix = new(@"\s*(\(Parameter '[^']*'\)|Parameter name: [^\r\n]*)\s*$", RegexOptions.CultureInvariant);

    /// <summary>The message of <paramref name="exception"/>, without a parameter-name suffix.</summary>
    public static string Of(Exception exception) =>
        exception is ArgumentException { ParamName: not null } ? ParameterSuffix.Replace(exception.Message, string.Empty) : exception.Message;

    /// <summary>
    /// <paramref name="exception"/> itself, or, for an <see cref="ArgumentException"/> that names its
    /// parameter, an <see cref="ArgumentException"/> with the same message minus the suffix (the original as inner exception).
    /// </summary>
    public static Exception Clean(Exception exception) =>
        exception is ArgumentException { ParamName: not null } ? new ArgumentException(Of(exception), exception) : exception;
}
