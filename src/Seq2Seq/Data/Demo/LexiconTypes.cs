namespace Seq2Seq.Data.Demo;

internal enum Gender { Masculine, Feminine, Neuter }

internal enum Case { Nominative, Accusative, Dative }

/// <summary>Semantic classes of nouns; verbs, adjectives and prepositions select nouns by these.</summary>
[Flags]
internal enum NounTags
{
    None = 0,
    Human = 1 << 0,
    Animal = 1 << 1,
    Food = 1 << 2,
    Readable = 1 << 3,
    Writable = 1 << 4,
    Openable = 1 << 5,
    Portable = 1 << 6,
    Place = 1 << 7,       // "in the X", "into the X", "to the X", "through the X"
    Surface = 1 << 8,     // "on the X"
    Under = 1 << 9,       // "under the X"
    Landmark = 1 << 10,   // "behind / next to / in front of the X", "around the X"
    Paintable = 1 << 11,
    Bakeable = 1 << 12,
    Audible = 1 << 13,    // songs
    Washable = 1 << 14,
    Switchable = 1 << 15,
    Tellable = 1 << 16,
    Sendable = 1 << 17,
    Buyable = 1 << 18,
    Catchable = 1 << 19,
    Visitable = 1 << 20,
    Animate = Human | Animal,
}

/// <summary>A noun: English singular/plural, German nominative singular/plural and gender.</summary>
internal sealed record Noun(string EnSg, string EnPl, string DeSg, string DePl, Gender Gender, NounTags Tags);

/// <summary>An attributive adjective: English form, German stem (ending added by case/gender/determiner),
/// and the noun classes it may modify.</summary>
internal sealed record Adjective(string En, string DeStem, NounTags Modifies);

/// <summary>A manner adverb (clause-final in English, before the right verb bracket in German).</summary>
internal sealed record Adverb(string En, string De);

/// <summary>A fronted time phrase; German puts the finite verb right after it (V2 inversion).</summary>
internal sealed record TimePhrase(string En, string De, bool AllowsPerfect);

internal enum Frame
{
    Intransitive,
    Accusative,   // sees the dog → sieht den Hund
    Dative,       // helps the man → hilft dem Mann
    Ditransitive, // gives the book to the man → gibt dem Mann das Buch
    ThatClause,   // says that ... → sagt, dass ...
}

/// <summary>Kinds of adjunct a verb may take (at most one per clause).</summary>
[Flags]
internal enum Adjuncts
{
    None = 0,
    Manner = 1 << 0,     // quickly → schnell
    Location = 1 << 1,   // in/on/under/behind/next to/in front of + dative
    Into = 1 << 2,       // into the X → in + accusative
    To = 1 << 3,         // to the X → zu + dative
    Through = 1 << 4,    // through the X → durch + accusative
    Around = 1 << 5,     // around the X → um + accusative
    From = 1 << 6,       // from the X → von + dative
    With = 1 << 7,       // with the X → mit + dative
    For = 1 << 8,        // for the X → für + accusative
    Without = 1 << 9,    // without the X → ohne + accusative
    Motion = Into | To | Through | Around,
}

/// <summary>
/// A verb in both languages. English: 3rd singular, base (3rd plural), past participle and an optional
/// particle ("picks up", "listens to"). German: 3rd singular and plural present without the separable
/// particle, the particle ("an" in "ruft ... an"), the full participle and the perfect auxiliary.
/// </summary>
internal sealed record Verb(
    string En3Sg, string EnBase, string EnParticiple, string EnParticle,
    string De3Sg, string De3Pl, string DeParticle, string DeParticiple, bool PerfectWithSein,
    Frame Frame, NounTags Subject, NounTags Object, NounTags IndirectObject, Adjuncts Adjuncts);

/// <summary>A preposition of an adjunct: English word(s), German word, governed case, allowed nouns.</summary>
internal sealed record Preposition(string En, string De, Case Case, NounTags Objects);

/// <summary>A subordinating conjunction (German clause is verb-final).</summary>
internal sealed record Conjunction(string En, string De, bool AllowsPerfect);
