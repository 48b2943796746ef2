using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;

namespace GenesysCloud.Outbound;

/// <summary>
/// Small JSON texts written with <see cref="Utf8JsonWriter"/> (its default encoder, as
/// <see cref="JsonSerializer"/>'s), not by <see cref="JsonSerializer"/>: the serializer's first call in
/// a process builds its reflection metadata, measured at about 45 ms on the way to an emergency
/// pause's first stop (the subscription's body) in a fresh PowerShell 7.6.9.
/// </summary>
internal static class JsonText
{
    /// <summary>A JSON string literal: <c>"off"</c>.</summary>
    public static string String(string value) => Write(writer => writer.WriteStringValue(value));

    /// <summary>An array of objects with one <c>id</c> each: <c>[{"id":"a"},{"id":"b"}]</c>.</summary>
    public static string IdObjects(IEnumerable<string> ids) => Write(writer =>
    {
        writer.WriteStartArray();
        foreach (var id in ids)
        {
            writer.WriteStartObject();
            writer.WriteString("id", id);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    });

    private static string Write(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
