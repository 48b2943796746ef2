using System;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading;

namespace GenesysCloud.Outbound.Audit;

/// <summary>
/// Appends each record as one JSON line (camelCase) and flushes it to disk before returning. The
/// file is never rewritten. Each line is one write while holding <c>&lt;log&gt;.lock</c> exclusively, so
/// two processes appending to one file take turns instead of interleaving or overwriting each other.
/// </summary>
public sealed class JsonLinesAuditSink : IAuditSink
{
    internal static readonly JsonSerializerOptions SerializerOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,

        // Readable lines for people who grep them ('Sales' rather than \u0027Sales\u0027); the
        // file is never embedded in HTML, which is what the stricter default guards against.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly TimeSpan LockWait = TimeSpan.FromSeconds(10);
    private readonly object _gate = new();

    /// <summary>Appends to <paramref name="path"/>, creating it (and its folder) when missing.</summary>
    public JsonLinesAuditSink(string path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new ArgumentException("The audit log path is empty.", nameof(path));
        }

        Path = System.IO.Path.GetFullPath(path);
    }

    /// <summary>The full path of the log.</summary>
    public string Path { get; }

    /// <summary>One record as the line this sink writes (without the newline).</summary>
    public static string ToLine(GenesysCampaignStateChange record) => JsonSerializer.Serialize(record, SerializerOptions);

    /// <summary>Reads a line back into a record.</summary>
    public static GenesysCampaignStateChange FromLine(string line) =>
        JsonSerializer.Deserialize<GenesysCampaignStateChange>(line, SerializerOptions) ?? throw new JsonException("An audit line is null.");

    /// <inheritdoc />
    public void Append(GenesysCampaignStateChange record)
    {
        var bytes = Encoding.UTF8.GetBytes(ToLine(record) + "\n");
        lock (_gate)
        {
            var directory = System.IO.Path.GetDirectoryName(Path);
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }

            // Writers take turns through a lock file beside the log; the log itself stays open to
            // readers (Get-Content -Wait) at all times.
            using var writerLock = OpenExclusive(Path + ".lock");
            using var stream = new FileStream(Path, FileMode.OpenOrCreate, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete, 4096, FileOptions.WriteThrough);
            stream.Seek(0, SeekOrigin.End);
            stream.Write(bytes, 0, bytes.Length);
            stream.Flush(flushToDisk: true);
        }
    }

    private static FileStream OpenExclusive(string lockPath)
    {
        var deadline = DateTime.UtcNow + LockWait;
        while (true)
        {
            try
            {
                // FileShare.None is the only share mode that excludes another process on Unix too
                // (.NET takes flock LOCK_EX for it, a shared lock otherwise).
                return new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(5);
            }
        }
    }
}
