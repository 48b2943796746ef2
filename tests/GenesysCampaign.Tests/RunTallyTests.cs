using GenesysCloud.Outbound.Audit;
using GenesysCloud.Outbound.Engine;
using Xunit;

namespace GenesysCampaign.Tests;

/// <summary>The counts a changing cmdlet's progress, summary and Ctrl+C warning say (RunTally).</summary>
public class RunTallyTests
{
    private static GenesysCampaignStateChange Record(string id, StateChangeOutcome outcome, string? final, string? written, OutboundObjectKind kind = OutboundObjectKind.Campaign) => new()
    {
        ObjectKind = kind,
        ObjectId = id,
        Outcome = outcome,
        FinalStatus = final,
        WrittenWith = written,
    };

    /// <summary>The objects a run was to change, by id (campaigns unless said).</summary>
    private static IOutboundObject[] Approved(params string[] ids) => ids.Select(id => (IOutboundObject)new Approve(id, id == "rule" ? OutboundObjectKind.CampaignRule : OutboundObjectKind.Campaign)).ToArray();

    private sealed record Approve(string Id, OutboundObjectKind ObjectKind) : IOutboundObject
    {
        public string Name => Id;

        public int Version => 1;

        public string ToJson() => "{}";
    }

    [Fact]
    public void Progress_counts_accepted_writes_by_the_status_their_records_left_and_those_not_settled_yet()
    {
        var tally = new RunTally();
        Assert.Equal("No write accepted yet", tally.Progress());
        tally.Accepted(Record("a", StateChangeOutcome.Changed, "on", null));
        tally.Accepted(Record("b", StateChangeOutcome.Changed, "on", null));
        tally.Accepted(Record("c", StateChangeOutcome.Changed, "on", null));
        tally.Recorded(Record("a", StateChangeOutcome.Changed, "off", "POST stop"));
        tally.Recorded(Record("d", StateChangeOutcome.Unchanged, "off", null));
        tally.Recorded(Record("e", StateChangeOutcome.Failed, null, null)); // A bad id: nothing to write is not what it is.

        Assert.Equal("3 writes accepted: 2 not settled yet, 1 off; 1 with nothing to write; 1 refused or failed", tally.Progress());
        Assert.Equal(3, tally.AcceptedCount);
    }

    [Fact]
    public void A_campaign_and_its_schedule_with_the_same_id_are_two_objects()
    {
        var tally = new RunTally();
        tally.Recorded(Record("a", StateChangeOutcome.Changed, "off", "POST stop"));
        tally.Recorded(Record("a", StateChangeOutcome.Changed, "removed", "DELETE", OutboundObjectKind.CampaignSchedule));

        Assert.Equal("Suspend-GenesysCampaign: 2 objects in 1.5 s: 2 Changed. 2 written, 0 with nothing written. Campaigns as last seen: 1 off.", tally.Summary("Suspend-GenesysCampaign", "object", TimeSpan.FromSeconds(1.5)));
    }

    [Fact]
    public void The_summary_counts_outcomes_in_their_order_and_writes_against_no_ops()
    {
        var tally = new RunTally();
        tally.Recorded(Record("a", StateChangeOutcome.TimedOut, "stopping", "POST stop"));
        tally.Recorded(Record("b", StateChangeOutcome.Unchanged, "off", null));
        tally.Recorded(Record("c", StateChangeOutcome.Changed, "off", "POST stop"));
        tally.Recorded(Record("d", StateChangeOutcome.Failed, null, null));

        Assert.Equal(
            "Suspend-GenesysCampaign: 4 campaigns in 12.3 s: 1 Changed, 1 Unchanged, 1 Failed, 1 TimedOut. 2 written, 2 with nothing written. Campaigns as last seen: 2 off, 1 stopping, 1 not known.",
            tally.Summary("Suspend-GenesysCampaign", "campaign", TimeSpan.FromMilliseconds(12_340)));
    }

    [Fact]
    public void Progress_says_how_many_wait_out_a_rate_limit_until_they_are_sent_again_or_recorded()
    {
        // A new user's trial: 18 campaigns waited out a 10 s Retry-After and the bar said nothing of it.
        var tally = new RunTally();
        tally.Waiting(Record("a", StateChangeOutcome.Changed, null, null), true);
        tally.Waiting(Record("b", StateChangeOutcome.Changed, null, null), true);
        Assert.Equal("No write accepted yet; 2 waiting out a rate limit (429)", tally.Progress());

        tally.Waiting(Record("a", StateChangeOutcome.Changed, null, null), false);
        tally.Recorded(Record("b", StateChangeOutcome.Failed, "on", null)); // Given up (or stopped): no longer waiting.
        Assert.Equal("No write accepted yet; 1 refused or failed", tally.Progress());
    }

    [Fact]
    public void After_Ctrl_C_it_counts_a_write_settled_only_when_its_record_shows_a_settled_status()
    {
        var tally = new RunTally();
        tally.Recorded(Record("a", StateChangeOutcome.Changed, "off", "POST stop"));
        tally.Recorded(Record("b", StateChangeOutcome.Changed, "stopping", "POST stop"));
        tally.Accepted(Record("c", StateChangeOutcome.Changed, "on", null));

        var said = tally.Interrupted("/var/log/audit.jsonl", Approved("a", "b", "c"), "op-7");

        Assert.StartsWith("Stopped (Ctrl+C) after 3 writes accepted by Genesys: 1 settled, 2 not yet", said);
        // A new user's trial: after Ctrl+C no record reaches the console, so the undo's operation was not to be found.
        Assert.EndsWith("Every write sent has its line in the audit log '/var/log/audit.jsonl'. To put back what it changed: Get-GenesysCampaignAuditLog '/var/log/audit.jsonl' -OperationId op-7 | Undo-GenesysCampaignChange.", said);
        Assert.DoesNotContain("not reached", said);
        Assert.Contains("No audit log was being written", tally.Interrupted(null, Approved("a", "b", "c")));
    }

    [Fact]
    public void After_Ctrl_C_it_says_what_was_left_as_it_was_rate_limited_not_known_or_not_reached()
    {
        // A new user's trial: a hold stopped during a rate limit said "8 writes accepted: 8 settled" while 18
        // campaigns still dialed; their records (stopped.while.rate.limited) reached only the audit log.
        static GenesysCampaignStateChange Stopped(string id, string code)
        {
            var record = Record(id, StateChangeOutcome.Failed, "on", null);
            record.ErrorCode = code;
            return record;
        }

        var tally = new RunTally();
        tally.Recorded(Record("rule", StateChangeOutcome.Changed, "disabled", "PUT disabled", OutboundObjectKind.CampaignRule));
        tally.Recorded(Stopped("a", "stopped.while.rate.limited"));
        tally.Recorded(Stopped("b", "stopped.while.rate.limited"));
        tally.Recorded(Stopped("c", "stopped.after.write"));
        tally.Recorded(Record("d", StateChangeOutcome.Unchanged, "off", null));
        tally.Recorded(Record("x", StateChangeOutcome.Unchanged, "on", null)); // Decided before the run (a record not acted on): not one of its objects.

        var said = tally.Interrupted(null, Approved("rule", "a", "b", "c", "d", "e", "f"));

        Assert.Equal(
            "Stopped (Ctrl+C) after 1 write accepted by Genesys: 1 settled, 0 not yet (Genesys goes on with them; read them with Get-GenesysCampaign)."
            + " 2 campaigns not changed: Genesys asked their writes to wait (429, rate limited) and they were not sent again; as last seen: 2 on."
            + " 1 stopped after a write was sent, which may have applied: check their status. 2 not reached: nothing was sent for them."
            + " Run the command again to change what is left. No audit log was being written (-AuditLogPath or $env:GENESYS_CAMPAIGN_AUDIT_LOG).",
            said);
    }
}
