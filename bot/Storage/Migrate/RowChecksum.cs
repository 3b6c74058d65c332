using System.Globalization;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace VocEdWeek.Bot.Storage.Migrate;

/// <summary>
/// A table's content as a count and a SHA-256: every row as canonical JSON (instants as UTC to the microsecond, JSON
/// columns re-spelt with their keys sorted, since jsonb keeps its own spelling), the rows sorted by key. Both sides are
/// computed by this one function, so equal checksums mean equal rows.
/// </summary>
public static class RowChecksum
{
    public static (int Count, string Sha256) Of(CopyTable table, IEnumerable<object?[]> rows)
    {
        var lines = rows.Select(r => (Key: table.KeyOf(r), Json: Canonical(table, r))).OrderBy(x => x.Key, StringComparer.Ordinal).ToList();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var line in lines) hash.AppendData(line.Json);
        return (lines.Count, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    private static byte[] Canonical(CopyTable table, object?[] row)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartArray();
            for (var i = 0; i < row.Length; i++) Write(w, row[i], table.JsonColumns.ContainsKey(i));
            w.WriteEndArray();
        }
        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    private static void Write(Utf8JsonWriter w, object? value, bool json)
    {
        switch (value)
        {
            case null or DBNull: w.WriteNullValue(); break;
            case string s when json: WriteNode(w, JsonNode.Parse(s)); break;
            case string s: w.WriteStringValue(s); break;
            case bool b: w.WriteBooleanValue(b); break;
            case int or long or short: w.WriteNumberValue(Convert.ToInt64(value, CultureInfo.InvariantCulture)); break;
            // As PgSession writes them: a time that is not UTC is local time.
            case DateTime t: w.WriteStringValue((t.Kind == DateTimeKind.Utc ? t : t.ToUniversalTime()).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture)); break;
            case IEnumerable<string> list:
                w.WriteStartArray();
                foreach (var item in list) w.WriteStringValue(item);
                w.WriteEndArray();
                break;
            default: throw new InvalidOperationException($"A {value.GetType().Name} has no canonical form.");
        }
    }

    private static void WriteNode(Utf8JsonWriter w, JsonNode? node)
    {
        switch (node)
        {
            case null: w.WriteNullValue(); break;
            case JsonObject o:
                w.WriteStartObject();
                foreach (var (name, child) in o.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    w.WritePropertyName(name);
                    WriteNode(w, child);
                }
                w.WriteEndObject();
                break;
            case JsonArray a:
                w.WriteStartArray();
                foreach (var child in a) WriteNode(w, child);
                w.WriteEndArray();
                break;
            default: node.WriteTo(w); break;
        }
    }
}
