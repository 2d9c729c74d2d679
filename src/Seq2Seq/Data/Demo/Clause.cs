namespace Seq2Seq.Data.Demo;

/// <summary>Word order of a German clause.</summary>
internal enum GermanOrder
{
    /// <summary>Main clause, subject first, finite verb second: "Der Mann sieht den Hund."</summary>
    SubjectFirst,
    /// <summary>Main clause after a fronted constituent, subject after the finite verb: "Heute sieht der Mann …"</summary>
    Inverted,
}

/// <summary>
/// One clause, language-neutral: subject, verb, objects, at most one adjunct, tense, polarity and (for
/// "say/think/know that") a complement clause. Rendering it is a deterministic function of these fields,
/// so every English sentence has exactly one German translation.
/// </summary>
internal sealed record Clause
{
    public required NounPhrase Subject { get; init; }
    public required Verb Verb { get; init; }
    /// <summary>Accusative object (Accusative, Ditransitive) or dative object (Dative frame).</summary>
    public NounPhrase? Object { get; init; }
    /// <summary>Dative recipient of a ditransitive verb ("to the man" → "dem Mann").</summary>
    public NounPhrase? Recipient { get; init; }
    public Adverb? Manner { get; init; }
    public PrepPhrase? Pp { get; init; }
    public bool Perfect { get; init; }
    public bool Negated { get; init; }
    public Clause? Complement { get; init; }

    private Case ObjectCase => Verb.Frame == Frame.Dative ? Case.Dative : Case.Accusative;

    // ----- English -----

    public List<string> English()
    {
        var words = Subject.English();
        words.AddRange(EnglishPredicate(Subject));
        return words;
    }

    /// <summary>Everything after the subject; agreement with <paramref name="agreeWith"/>.</summary>
    public List<string> EnglishPredicate(NounPhrase agreeWith, bool omitObject = false)
    {
        bool plural = agreeWith.Plural;
        var words = new List<string>();
        if (Perfect)
        {
            words.Add(plural ? "have" : "has");
            if (Negated) words.Add("not");
            words.Add(Verb.EnParticiple);
        }
        else if (Negated)
        {
            words.Add(plural ? "do" : "does");
            words.Add("not");
            words.Add(Verb.EnBase);
        }
        else
        {
            words.Add(plural ? Verb.EnBase : Verb.En3Sg);
        }
        if (Verb.EnParticle.Length > 0) words.Add(Verb.EnParticle);
        if (Object is not null && !omitObject) words.AddRange(Object.English());
        if (Recipient is not null)
        {
            words.Add("to");
            words.AddRange(Recipient.English());
        }
        if (Manner is not null) words.Add(Manner.En);
        if (Pp is not null) words.AddRange(Pp.English());
        if (Complement is not null)
        {
            words.Add("that");
            words.AddRange(Complement.English());
        }
        return words;
    }

    // ----- German -----

    /// <summary>A main clause (V2). <paramref name="front"/> is the fronted constituent for inverted order.</summary>
    public List<string> GermanMain(GermanOrder order, IEnumerable<string>? front = null)
    {
        bool plural = Subject.Plural;
        var words = new List<string>();
        if (order == GermanOrder.Inverted)
        {
            words.AddRange(front ?? throw new ArgumentNullException(nameof(front)));
            words.Add(FiniteMain(plural));
            words.AddRange(Subject.German(Case.Nominative));
        }
        else
        {
            words.AddRange(Subject.German(Case.Nominative));
            words.Add(FiniteMain(plural));
        }
        words.AddRange(Mittelfeld(omitObject: false));
        string right = Perfect ? Verb.DeParticiple : Verb.DeParticle;
        if (right.Length > 0) words.Add(right);
        if (Complement is not null)
        {
            words.Add(",");
            words.Add("dass");
            words.AddRange(Complement.GermanSubordinate(includeSubject: true, subjectPlural: Complement.Subject.Plural));
        }
        return words;
    }

    /// <summary>A verb-final clause (after a conjunction or relative pronoun, which the caller adds).</summary>
    public List<string> GermanSubordinate(bool includeSubject, bool subjectPlural, bool omitObject = false)
    {
        if (Complement is not null) throw new InvalidOperationException("no that-clause inside a subordinate clause");
        var words = new List<string>();
        if (includeSubject) words.AddRange(Subject.German(Case.Nominative));
        words.AddRange(Mittelfeld(omitObject));
        if (Perfect)
        {
            words.Add(Verb.DeParticiple);
            words.Add(GermanMorphology.Auxiliary(Verb.PerfectWithSein, subjectPlural));
        }
        else
        {
            words.Add(Verb.DeParticle + (subjectPlural ? Verb.De3Pl : Verb.De3Sg));
        }
        return words;
    }

    private string FiniteMain(bool plural) =>
        Perfect ? GermanMorphology.Auxiliary(Verb.PerfectWithSein, plural) : plural ? Verb.De3Pl : Verb.De3Sg;

    /// <summary>
    /// Dative object before accusative object; then negation ("nicht", unless an indefinite object
    /// becomes "kein"); then the adjunct (manner adverb or prepositional phrase).
    /// </summary>
    private List<string> Mittelfeld(bool omitObject)
    {
        var words = new List<string>();
        bool kein = Negated && Object is not null && !omitObject && Object.TakesKein;
        if (Recipient is not null) words.AddRange(Recipient.German(Case.Dative));
        if (Object is not null && !omitObject) words.AddRange(Object.German(ObjectCase, negate: kein));
        if (Negated && !kein) words.Add("nicht");
        if (Manner is not null) words.Add(Manner.De);
        if (Pp is not null) words.AddRange(Pp.German());
        return words;
    }
}
