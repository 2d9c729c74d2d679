using System.Globalization;
using System.Text;

namespace Seq2Seq.Evaluation.Compatibility;

/// <summary>
/// Writes JSON as Python's <c>json.dumps(value, indent=N, ensure_ascii=False)</c> does, which sacreBLEU uses for its
/// output: objects keep their key order, floats are written as Python's <c>repr</c> (<c>100.0</c>, <c>1e-05</c>),
/// with an indent every element of a non-empty list or object is on its own line, and without one the separators
/// are ", " and ": ". Values are <see cref="string"/>, <see cref="bool"/>, <see cref="int"/>, <see cref="long"/>,
/// <see cref="double"/>, null, <see cref="IReadOnlyList{T}"/> of objects or an ordered list of key/value pairs
/// (<see cref="Object"/>).
/// </summary>
public static class PythonJson
{
    /// <summary>A JSON object: its members in order.</summary>
    public sealed class Object : List<KeyValuePair<string, object?>>
    {
        /// <summary>Adds a member (collection-initializer friendly: <c>{ "name", value }</c>).</summary>
        public void Add(string key, object? value) => Add(new KeyValuePair<string, object?>(key, value));
    }

    /// <summary>Serializes <paramref name="value"/>; <paramref name="indent"/> null means one line.</summary>
    public static string Dumps(object? value, int? indent)
    {
        var sb = new StringBuilder();
        Write(sb, value, indent, 0);
        return sb.ToString();
    }

    private static void Write(StringBuilder sb, object? value, int? indent, int level)
    {
        switch (value)
        {
            case null:
                sb.Append("null");
                break;
            case string s:
                WriteString(sb, s);
                break;
            case bool b:
                sb.Append(b ? "true" : "false");
                break;
            case int i:
                sb.Append(i.ToString(CultureInfo.InvariantCulture));
                break;
            case long l:
                sb.Append(l.ToString(CultureInfo.InvariantCulture));
                break;
            case double d:
                sb.Append(PythonFormat.Repr(d));
                break;
            case Object o:
                WriteContainer(sb, '{', '}', o.Count, indent, level, k =>
                {
                    WriteString(sb, o[k].Key);
                    sb.Append(": ");
                    Write(sb, o[k].Value, indent, level + 1);
                });
                break;
            case System.Collections.IList list:
                WriteContainer(sb, '[', ']', list.Count, indent, level, k => Write(sb, list[k], indent, level + 1));
                break;
            default:
                throw new ArgumentException($"Cannot write a {value.GetType().Name} as JSON.", nameof(value));
        }
    }

    private static void WriteContainer(StringBuilder sb, char open, char close, int count, int? indent, int level,
        Action<int> writeItem)
    {
        sb.Append(open);
        if (count == 0)
        {
            sb.Append(close);
            return;
        }
        for (int k = 0; k < count; k++)
        {
            if (k > 0)
            {
                sb.Append(indent is null ? ", " : ",");
            }
            if (indent is { } n)
            {
                sb.Append('\n').Append(' ', n * (level + 1));
            }
            writeItem(k);
        }
        if (indent is { } m)
        {
            sb.Append('\n').Append(' ', m * level);
        }
        sb.Append(close);
    }

    private static void WriteString(StringBuilder sb, string s)
    {
        sb.Append('"');
        foreach (char c in s)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                default:
                    if (c < 0x20)
                    {
                        sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }
                    break;
            }
        }
        sb.Append('"');
    }
}
