using Seq2Seq.Configuration;
using System.Text;
using MlNormalizer = Microsoft.ML.Tokenizers.Normalizer;

namespace Seq2Seq.Tokenization;

/// <summary>
/// The one text normalization applied identically to training, translation and evaluation text:
/// <list type="number">
/// <item>invalid UTF-16 (lone surrogates) is replaced by U+FFFD, so normalization never throws;</item>
/// <item>Unicode normalization (NFC, NFKC or none);</item>
/// <item>optional lowercasing with the invariant culture (followed by a second Unicode normalization,
/// because case mapping can produce unnormalized sequences);</item>
/// <item>whitespace cleanup: every run of whitespace (<see cref="char.IsWhiteSpace(char)"/>: spaces, tabs,
/// line breaks, NBSP, other Unicode space separators) becomes one U+0020 space, and the text is trimmed.</item>
/// </list>
/// The result is idempotent: <c>Normalize(Normalize(s)) == Normalize(s)</c>.
/// Derives from the Microsoft.ML.Tokenizers <see cref="MlNormalizer"/> so it can be handed to its tokenizers.
/// </summary>
public sealed class TextNormalizer : MlNormalizer
{
    public TextNormalizer(UnicodeNormalization unicodeNormalization = UnicodeNormalization.Nfc, bool lowercase = false)
    {
        if (!Enum.IsDefined(unicodeNormalization))
        {
            throw new ArgumentOutOfRangeException(nameof(unicodeNormalization), unicodeNormalization, "Unknown Unicode normalization.");
        }

        UnicodeNormalization = unicodeNormalization;
        Lowercase = lowercase;
    }

    /// <summary>The normalizer for a data configuration (its <c>Normalization</c> and <c>Lowercase</c>).</summary>
    public static TextNormalizer FromConfig(DataConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return new TextNormalizer(config.Normalization, config.Lowercase);
    }

    public UnicodeNormalization UnicodeNormalization { get; }

    public bool Lowercase { get; }

    public override string Normalize(ReadOnlySpan<char> original) => Normalize(original.ToString());

    public override string Normalize(string original)
    {
        ArgumentNullException.ThrowIfNull(original);
        string text = ReplaceLoneSurrogates(original);
        text = ApplyUnicodeNormalization(text);
        if (Lowercase)
        {
            text = ApplyUnicodeNormalization(text.ToLowerInvariant());
        }

        return CollapseWhitespace(text);
    }

    private string ApplyUnicodeNormalization(string text) => UnicodeNormalization switch
    {
        UnicodeNormalization.Nfc => text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC),
        UnicodeNormalization.Nfkc => text.IsNormalized(NormalizationForm.FormKC) ? text : text.Normalize(NormalizationForm.FormKC),
        _ => text,
    };

    /// <summary>Replaces each unpaired surrogate by U+FFFD (string.Normalize throws on them).</summary>
    internal static string ReplaceLoneSurrogates(string text)
    {
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i += 2;
                continue;
            }

            if (char.IsSurrogate(c))
            {
                break;
            }

            i++;
        }

        if (i == text.Length)
        {
            return text;
        }

        var sb = new StringBuilder(text.Length);
        sb.Append(text, 0, i);
        for (; i < text.Length; i++)
        {
            char c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                sb.Append(c).Append(text[i + 1]);
                i++;
            }
            else
            {
                sb.Append(char.IsSurrogate(c) ? '\uFFFD' : c);
            }
        }

        return sb.ToString();
    }

    /// <summary>Trims and turns every run of whitespace into a single U+0020.</summary>
    internal static string CollapseWhitespace(string text)
    {
        var sb = new StringBuilder(text.Length);
        bool pendingSpace = false;
        foreach (char c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = sb.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                sb.Append(' ');
                pendingSpace = false;
            }

            sb.Append(c);
        }

        string result = sb.ToString();
        return result == text ? text : result;
    }
}
