namespace Seq2Seq.Data.Demo;

/// <summary>A possessive or other ein-word determiner: English word and German stem.</summary>
internal sealed record Possessive(string En, string DeStem)
{
    public static readonly IReadOnlyList<Possessive> All =
    [
        new("my", "mein"), new("his", "sein"), new("her", "ihr"), new("our", "unser"), new("their", "ihr"),
    ];
}

internal enum NpKind { Common, Name, Pronoun }

internal enum Det { Definite, Indefinite, Possessive }

/// <summary>
/// A noun phrase: a common noun with determiner and optional adjective (and optional relative clause),
/// a proper name, or a personal pronoun (subjects only). Indefinite plurals are bare ("dogs" → "Hunde").
/// </summary>
internal sealed record NounPhrase
{
    public required NpKind Kind { get; init; }
    public Noun? Noun { get; init; }
    public bool Plural { get; init; }
    public Det Det { get; init; }
    public Possessive? Possessive { get; init; }
    public Adjective? Adjective { get; init; }
    public string Name { get; init; } = "";
    public RelativeClause? Relative { get; init; }

    public NounTags Tags => Kind == NpKind.Common ? Noun!.Tags : NounTags.Human;

    public Gender Gender => Kind == NpKind.Common ? Noun!.Gender : Gender.Masculine;

    // ----- English -----

    public List<string> English()
    {
        var words = new List<string>();
        switch (Kind)
        {
            case NpKind.Name:
                words.Add(Name);
                break;
            case NpKind.Pronoun:
                words.Add(Name);
                break;
            default:
                string head = Plural ? Noun!.EnPl : Noun!.EnSg;
                string? firstAfterDet = Adjective?.En ?? head;
                switch (Det)
                {
                    case Det.Definite: words.Add("the"); break;
                    case Det.Possessive: words.Add(Possessive!.En); break;
                    case Det.Indefinite when !Plural:
                        words.Add("aeiou".Contains(firstAfterDet[0]) ? "an" : "a");
                        break;
                }
                if (Adjective is not null) words.Add(Adjective.En);
                words.Add(head);
                break;
        }
        if (Relative is not null) words.AddRange(Relative.English(this));
        return words;
    }

    // ----- German -----

    /// <summary>German tokens in the given case; <paramref name="negate"/> turns ein/∅ into kein.</summary>
    public List<string> German(Case @case, bool negate = false)
    {
        var words = new List<string>();
        switch (Kind)
        {
            case NpKind.Name:
                words.Add(Name);
                break;
            case NpKind.Pronoun:
                words.Add(GermanPronoun());
                break;
            default:
                Noun noun = Noun!;
                DeterminerKind kind;
                if (Det == Det.Definite)
                {
                    words.Add(GermanMorphology.DefiniteArticle(noun.Gender, Plural, @case));
                    kind = DeterminerKind.Definite;
                }
                else if (Det == Det.Possessive)
                {
                    words.Add(GermanMorphology.EinWord(Possessive!.DeStem, noun.Gender, Plural, @case));
                    kind = DeterminerKind.EinWord;
                }
                else if (negate)
                {
                    words.Add(GermanMorphology.EinWord("kein", noun.Gender, Plural, @case));
                    kind = DeterminerKind.EinWord;
                }
                else if (!Plural)
                {
                    words.Add(GermanMorphology.EinWord("ein", noun.Gender, Plural, @case));
                    kind = DeterminerKind.EinWord;
                }
                else
                {
                    kind = DeterminerKind.None;
                }
                if (Adjective is not null)
                    words.Add(Adjective.DeStem + GermanMorphology.AdjectiveEnding(kind, noun.Gender, Plural, @case));
                words.Add(GermanMorphology.NounForm(noun, Plural, @case));
                break;
        }
        if (Relative is not null) words.AddRange(Relative.German(this));
        return words;
    }

    /// <summary>True when negation is expressed on this phrase as "kein" rather than with "nicht".</summary>
    public bool TakesKein => Kind == NpKind.Common && Det == Det.Indefinite;

    private string GermanPronoun() => Name switch
    {
        "he" => "er",
        "she" => "sie",
        "they" => "sie",
        _ => throw new InvalidOperationException(Name),
    };

    /// <summary>The relative pronoun (der/die/das/den/dem/denen) agreeing with this phrase.</summary>
    public string RelativePronoun(Case @case) =>
        Plural && @case == Case.Dative ? "denen" : GermanMorphology.DefiniteArticle(Gender, Plural, @case);
}

/// <summary>A prepositional adjunct: "in the garden" → "im Garten", "into the house" → "ins Haus".</summary>
internal sealed record PrepPhrase(Preposition Prep, NounPhrase Object)
{
    public List<string> English()
    {
        var words = new List<string> { Prep.En };
        words.AddRange(Object.English());
        return words;
    }

    public List<string> German()
    {
        List<string> np = Object.German(Prep.Case);
        string? contracted = Object.Kind == NpKind.Common && Object.Det == Det.Definite
            ? GermanMorphology.Contract(Prep.De, np[0])
            : null;
        var words = new List<string>();
        if (contracted is not null)
        {
            words.Add(contracted);
            words.AddRange(np.Skip(1));
        }
        else
        {
            words.Add(Prep.De);
            words.AddRange(np);
        }
        return words;
    }
}

/// <summary>
/// A relative clause on a noun phrase: subject relative ("the man who reads the book" → "der Mann, der das
/// Buch liest") or object relative ("the book that the man reads" → "das Buch, das der Mann liest").
/// The German clause is verb-final and enclosed in commas (a comma before "." is dropped on output).
/// </summary>
internal sealed record RelativeClause(Clause Clause, bool HeadIsSubject)
{
    public List<string> English(NounPhrase head)
    {
        var words = new List<string>();
        if (HeadIsSubject)
        {
            words.Add(head.Tags.HasFlag(NounTags.Human) ? "who" : "that");
            words.AddRange(Clause.EnglishPredicate(head));
        }
        else
        {
            words.Add("that");
            words.AddRange(Clause.Subject.English());
            words.AddRange(Clause.EnglishPredicate(Clause.Subject, omitObject: true));
        }
        return words;
    }

    public List<string> German(NounPhrase head)
    {
        var words = new List<string> { "," };
        if (HeadIsSubject)
        {
            words.Add(head.RelativePronoun(Case.Nominative));
            words.AddRange(Clause.GermanSubordinate(includeSubject: false, subjectPlural: head.Plural));
        }
        else
        {
            words.Add(head.RelativePronoun(Case.Accusative));
            words.AddRange(Clause.GermanSubordinate(includeSubject: true, subjectPlural: Clause.Subject.Plural, omitObject: true));
        }
        words.Add(",");
        return words;
    }
}
