namespace Seq2Seq.Data.Demo;

/// <summary>Which kind of word precedes the noun; decides the determiner form and adjective declension.</summary>
internal enum DeterminerKind
{
    Definite,    // der/die/das          → weak adjective endings
    EinWord,     // ein/kein/mein/sein…  → mixed endings
    None,        // bare plural          → strong endings
}

/// <summary>German inflection: articles, ein-words, adjective endings, noun plurals, contractions.</summary>
internal static class GermanMorphology
{
    public static string DefiniteArticle(Gender gender, bool plural, Case @case) => (plural, @case, gender) switch
    {
        (true, Case.Dative, _) => "den",
        (true, _, _) => "die",
        (false, Case.Nominative, Gender.Masculine) => "der",
        (false, Case.Accusative, Gender.Masculine) => "den",
        (false, Case.Dative, Gender.Masculine or Gender.Neuter) => "dem",
        (false, Case.Dative, Gender.Feminine) => "der",
        (false, _, Gender.Feminine) => "die",
        (false, _, Gender.Neuter) => "das",
        _ => throw new InvalidOperationException(),
    };

    /// <summary>Inflected ein-word from its stem: ein → einen/einem/einer/eine, unser → unseren, kein → keine.</summary>
    public static string EinWord(string stem, Gender gender, bool plural, Case @case)
    {
        string ending = (plural, @case, gender) switch
        {
            (true, Case.Dative, _) => "en",
            (true, _, _) => "e",
            (false, Case.Dative, Gender.Feminine) => "er",
            (false, Case.Dative, _) => "em",
            (false, _, Gender.Feminine) => "e",
            (false, Case.Accusative, Gender.Masculine) => "en",
            _ => "",
        };
        return stem + ending;
    }

    /// <summary>Attributive adjective ending after a determiner of the given kind (or none).</summary>
    public static string AdjectiveEnding(DeterminerKind kind, Gender gender, bool plural, Case @case) => kind switch
    {
        DeterminerKind.Definite => (plural || @case == Case.Dative || (@case == Case.Accusative && gender == Gender.Masculine)) ? "en" : "e",
        DeterminerKind.EinWord when plural || @case == Case.Dative => "en",
        DeterminerKind.EinWord => gender switch
        {
            Gender.Masculine => @case == Case.Nominative ? "er" : "en",
            Gender.Feminine => "e",
            _ => "es",
        },
        DeterminerKind.None when plural => @case == Case.Dative ? "en" : "e",
        _ => throw new InvalidOperationException("strong singular adjectives are not generated"),
    };

    /// <summary>Noun form: the dative plural adds -n unless the plural already ends in -n or -s.</summary>
    public static string NounForm(Noun noun, bool plural, Case @case)
    {
        if (!plural) return noun.DeSg;
        string pl = noun.DePl;
        return @case == Case.Dative && !pl.EndsWith('n') && !pl.EndsWith('s') ? pl + "n" : pl;
    }

    /// <summary>Obligatory preposition + definite article contractions: in dem → im, zu der → zur, …</summary>
    public static string? Contract(string preposition, string article) => (preposition, article) switch
    {
        ("in", "dem") => "im",
        ("in", "das") => "ins",
        ("an", "dem") => "am",
        ("zu", "dem") => "zum",
        ("zu", "der") => "zur",
        ("von", "dem") => "vom",
        ("bei", "dem") => "beim",
        _ => null,
    };

    /// <summary>Perfect auxiliary, 3rd person.</summary>
    public static string Auxiliary(bool sein, bool plural) => (sein, plural) switch
    {
        (true, false) => "ist",
        (true, true) => "sind",
        (false, false) => "hat",
        (false, true) => "haben",
    };
}
