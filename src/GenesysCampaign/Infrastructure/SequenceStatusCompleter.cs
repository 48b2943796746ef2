using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Language;
using GenesysCloud.Outbound.Dependencies;

namespace GenesysCloud.Outbound.PowerShell.Infrastructure;

/// <summary>Completes a sequence's -Status with the documented sequence statuses (on, off, complete).</summary>
public sealed class SequenceStatusCompleter : IArgumentCompleter
{
    /// <inheritdoc />
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
        Completion.Matching(SequenceStatus.All, wordToComplete);
}
