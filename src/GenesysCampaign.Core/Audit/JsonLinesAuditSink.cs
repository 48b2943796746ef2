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
internal sealed class JsonLinesAuditSink : IAuditSink
{
    internal static readonly JsonSerializerOptions SerializerOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        // Enums are written as names and read only as names: a number (an edited line) would read as a
        // kind, action or outcome no table has a row for, so such a line is unreadable, not a record.
        Converters = { new JsonStringEnumConverter(namingPolicy: null, allowIntegerValues: false) },
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,

        // Readable lines for people who grep them ('Sales' rather than \u0027Sales\u0027); the
        // file is never embedded in HTML, which is what the stricter default guards against.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly TimeSpan LockWait = TimeSpan.FromSeconds(10);
    private readonly object _gate = new();

    /// <summary>Appends to <paramref name="path"/>, creating it (and its folder) when missing.</summary>
    /// <exception cref="ArgumentException">The path is empty or not a path (a message for the user, without a parameter name).</exception>
    public JsonLinesAuditSink(string path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new ArgumentException("The audit log path is empty.");
        }

        try
        {
            Path = System.IO.Path.GetFullPath(path);
        }
        catch (ArgumentException ex)
        {
            // .NET says "Null character in path. (Parameter 'path')": the user gave -AuditLogPath, not 'path'.
            throw UserMessage.Clean(ex);
        }
    }

    /// <summary>The full path of the log.</summary>
    public string Path { get; }

    /// <summary>One record as the line this sink writes (without the newline).</summary>
    public static string ToLine(GenesysCampaignStateChange record) => JsonSerializer.Serialize(record, SerializerOptions);

    /// <summary>Reads a line back into a record.</summary>
    public static GenesysCampaignStateChange FromLine(string line) =>
        JsonSerializer.Deserialize<GenesysCampaignStateChange>(line, SerializerOptions) ?? throw new JsonException("An audit line is null.");

    /// <summary>
    /// Opens the log for appending (creating it and its folder when missing) and takes its writer lock,
    /// writing nothing: called before the first change, so a log that cannot be written stops the run
    /// before anything is sent rather than leaving an emergency pause unaudited.
    /// </summary>
    /// <exception cref="IOException">The log cannot be written; the message names the log and why.</exception>
    public void EnsureWritable() => Write(Array.Empty<byte>());

    /// <inheritdoc />
    /// <exception cref="IOException">The line cannot be written; the message names the log and why.</exception>
    public void Append(GenesysCampaignStateChange record) => Write(Encoding.UTF8.GetBytes(ToLine(record) + "\n"));

    private void Write(byte[] bytes)
    {
        lock (_gate)
        {
            try
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
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or System.Security.SecurityException)
            {
                // Named as the log the user gave, whatever part of it (its folder, its lock file) failed.
                throw new IOException($"The audit log '{Path}' cannot be written: {ex.Message}", ex);
            }
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
