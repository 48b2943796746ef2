using System.Collections.ObjectModel;
using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Security;
using Xunit;

namespace GenesysCampaign.Tests;

/// <summary>
/// A host whose user answers every confirmation prompt with one fixed choice label, such as "No";
/// with a null answer, a host that cannot ask at all (as pwsh -NonInteractive: it throws). Keeps
/// the lines written to it (the "What if:" lines).
/// </summary>
internal sealed class AnsweringHost(string? answer, params string[] then) : PSHost
{
    /// <summary>What pwsh -NonInteractive says when asked to prompt.</summary>
    public const string NonInteractiveMessage = "PowerShell is in NonInteractive mode. Read and Prompt functionality is not available.";

    private readonly AnsweringUI _ui = new(answer, then);

    public List<string> Prompts => _ui.Prompts;

    public List<string> Lines => _ui.Lines;

    /// <summary>The "What if:" lines ShouldProcess wrote, one per object (not the run's summary: <see cref="WhatIfSummary"/>).</summary>
    public List<string> WhatIfLines
    {
        get
        {
            lock (Lines)
            {
                return Lines.Where(l => l.StartsWith("What if:", StringComparison.Ordinal) && !IsSummary(l)).ToList();
            }
        }
    }

    /// <summary>The -WhatIf run's summary line ("What if: Suspend-GenesysCampaign would write 2 of 3 campaigns ..."), shown on the host.</summary>
    public string WhatIfSummary
    {
        get
        {
            lock (Lines)
            {
                return Assert.Single(Lines, IsSummary);
            }
        }
    }

    /// <summary>The warning lines written to the host itself (not the warning stream): what Ctrl+C leaves.</summary>
    public List<string> Warnings => _ui.Warnings;

    private static bool IsSummary(string line) => System.Text.RegularExpressions.Regex.IsMatch(line, @"^What if: \S+-Genesys\S+ would write \d+ of \d+ ");

    public override CultureInfo CurrentCulture => CultureInfo.InvariantCulture;

    public override CultureInfo CurrentUICulture => CultureInfo.InvariantCulture;

    public override Guid InstanceId { get; } = Guid.NewGuid();

    public override string Name => "AnsweringHost";

    public override PSHostUserInterface UI => _ui;

    public override Version Version => new(1, 0);

    public override void EnterNestedPrompt() => throw new NotSupportedException();

    public override void ExitNestedPrompt() => throw new NotSupportedException();

    public override void NotifyBeginApplication()
    {
    }

    public override void NotifyEndApplication()
    {
    }

    public override void SetShouldExit(int exitCode)
    {
    }

    /// <summary>Answers the first prompt with <c>answer</c>, the next ones with <c>then</c> in turn (the last repeats).</summary>
    private sealed class AnsweringUI(string? first, string[] then) : PSHostUserInterface
    {
        public List<string> Prompts { get; } = new();

        public List<string> Lines { get; } = new();

        public List<string> Warnings { get; } = new();

        public override PSHostRawUserInterface? RawUI => null;

        public override int PromptForChoice(string caption, string message, Collection<ChoiceDescription> choices, int defaultChoice)
        {
            Prompts.Add(message);
            var answer = Prompts.Count == 1 || then.Length == 0 ? first : then[Math.Min(Prompts.Count - 2, then.Length - 1)];
            if (answer is null)
            {
                throw new PSInvalidOperationException(NonInteractiveMessage);
            }

            var index = choices.ToList().FindIndex(c => c.Label.Replace("&", string.Empty) == answer);
            return index >= 0 ? index : throw new InvalidOperationException($"No choice '{answer}' in {string.Join(", ", choices.Select(c => c.Label))}");
        }

        public override Dictionary<string, PSObject> Prompt(string caption, string message, Collection<FieldDescription> descriptions) => throw new NotSupportedException();

        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName) => throw new NotSupportedException();

        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName, PSCredentialTypes allowedCredentialTypes, PSCredentialUIOptions options) => throw new NotSupportedException();

        public override string ReadLine() => throw new NotSupportedException();

        public override SecureString ReadLineAsSecureString() => throw new NotSupportedException();

        public override void Write(string value)
        {
        }

        public override void Write(ConsoleColor foregroundColor, ConsoleColor backgroundColor, string value)
        {
        }

        public override void WriteDebugLine(string message)
        {
        }

        public override void WriteErrorLine(string value)
        {
        }

        public override void WriteLine(string value)
        {
            lock (Lines)
            {
                Lines.Add(value);
            }
        }

        public override void WriteProgress(long sourceId, ProgressRecord record)
        {
        }

        public override void WriteVerboseLine(string message)
        {
        }

        public override void WriteWarningLine(string message)
        {
            lock (Warnings)
            {
                Warnings.Add(message);
            }
        }
    }
}
