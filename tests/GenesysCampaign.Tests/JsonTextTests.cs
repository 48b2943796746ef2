using System.Text.Json;
using GenesysCloud.Outbound;
using Xunit;

namespace GenesysCampaign.Tests;

/// <summary>
/// JsonText writes what JsonSerializer wrote before it (the subscription's body, a status or field
/// name in a PUT body), escapes included: only the time to the first stop was to change.
/// </summary>
public class JsonTextTests
{
    private static readonly string[] Samples =
    [
        "off",
        "v2.outbound.campaigns.c0000000-0000-4000-8000-000000000001",
        "Sales \"East\" \\ West",
        "line\nbreak\ttab\u0001",
        "<script>&'",
        "Ünïcödé – 日本語 😀",
        string.Empty,
    ];

    public static TheoryData<string> Texts => new(Samples);

    [Theory]
    [MemberData(nameof(Texts))]
    public void A_string_is_written_as_JsonSerializer_writes_it(string text) =>
        Assert.Equal(JsonSerializer.Serialize(text), JsonText.String(text));

    [Fact]
    public void Topics_are_written_as_the_id_objects_JsonSerializer_wrote()
    {
        var topics = Samples.ToList();

        Assert.Equal(
            JsonSerializer.Serialize(topics.Select(t => new Dictionary<string, string> { ["id"] = t })),
            JsonText.IdObjects(topics));
        Assert.Equal("[]", JsonText.IdObjects([]));
    }
}
