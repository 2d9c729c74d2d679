namespace Seq2Seq.Data.Demo;

/// <summary>
/// The sentence templates of the demo grammar, each rendering a structure into an (English, German) pair:
/// German word order (V2, inversion, verb-final) is decided here and in <see cref="Clause"/>.
/// </summary>
internal static class SentenceForms
{
    /// <summary>"The man sees the dog." → "Der Mann sieht den Hund."</summary>
    public static (string English, string German) Simple(Clause c) =>
        (Finish(c.English()), Finish(c.GermanMain(GermanOrder.SubjectFirst)));

    /// <summary>"Today the woman sees the dog." → "Heute sieht die Frau den Hund." (V2 inversion)</summary>
    public static (string English, string German) FrontedTime(TimePhrase time, Clause c) =>
        (Finish([.. time.En.Split(' '), .. c.English()]), Finish(c.GermanMain(GermanOrder.Inverted, time.De.Split(' '))));

    /// <summary>"The man laughs because the dog barks." → "Der Mann lacht, weil der Hund bellt." (verb-final)</summary>
    public static (string English, string German) MainThenSubordinate(Clause main, Conjunction conj, Clause sub) =>
        (Finish([.. main.English(), conj.En, .. sub.English()]),
         Finish([.. main.GermanMain(GermanOrder.SubjectFirst), ",", conj.De, .. sub.GermanSubordinate(true, sub.Subject.Plural)]));

    /// <summary>"Because the dog barks, the man laughs." → "Weil der Hund bellt, lacht der Mann."</summary>
    public static (string English, string German) SubordinateThenMain(Conjunction conj, Clause sub, Clause main) =>
        (Finish([conj.En, .. sub.English(), ",", .. main.English()]),
         Finish(main.GermanMain(GermanOrder.Inverted, [conj.De, .. sub.GermanSubordinate(true, sub.Subject.Plural), ","])));

    /// <summary>Joins tokens, attaches commas, drops a comma before the period, capitalizes, adds the period.</summary>
    public static string Finish(List<string> tokens)
    {
        var cleaned = new List<string>();
        foreach (string t in tokens)
        {
            if (t == "," && (cleaned.Count == 0 || cleaned[^1] == ",")) continue;
            cleaned.Add(t);
        }
        while (cleaned.Count > 0 && cleaned[^1] == ",") cleaned.RemoveAt(cleaned.Count - 1);
        var sb = new System.Text.StringBuilder();
        foreach (string t in cleaned)
        {
            if (sb.Length > 0 && t != ",") sb.Append(' ');
            sb.Append(t);
        }
        if (sb.Length > 0) sb[0] = char.ToUpperInvariant(sb[0]);
        sb.Append('.');
        return sb.ToString();
    }
}
