namespace Seq2Seq.Data.Demo;

/// <summary>
/// The random grammar: draws sentence structures (clauses, noun phrases, adjuncts) from the lexicon with
/// <see cref="SplitMix64"/>, then renders each structure into English and German. Percentages are integers
/// so that no floating point enters the choice of sentences.
/// </summary>
internal sealed class GrammarRules(SplitMix64 rng)
{
    private static readonly IReadOnlyList<Verb> ClauseVerbs = Lexicon.Verbs.Where(v => v.Frame != Frame.ThatClause).ToList();
    private static readonly IReadOnlyList<Verb> ThatVerbs = Lexicon.Verbs.Where(v => v.Frame == Frame.ThatClause).ToList();
    private static readonly IReadOnlyList<Verb> RelativeVerbs = Lexicon.Verbs.Where(v => v.Frame == Frame.Accusative).ToList();

    /// <summary>One sentence pair (capitalized, with final period).</summary>
    public (string English, string German) Sentence()
    {
        int kind = rng.Next(100);
        if (kind < 42)
        {
            // Simple clause, optionally with a fronted time phrase (German V2 inversion) or a relative clause.
            int variant = rng.Next(100);
            if (variant < 30)
            {
                TimePhrase time = rng.Pick(Lexicon.TimePhrases);
                return SentenceForms.FrontedTime(time, NewClause(allowPerfect: time.AllowsPerfect));
            }
            if (variant < 55) return SentenceForms.Simple(WithRelativeClause(NewClause(allowPerfect: true)));
            return SentenceForms.Simple(NewClause(allowPerfect: true));
        }
        if (kind < 67)
        {
            // Main clause + subordinate clause: "…, weil der Mann den Hund sieht."
            Conjunction conj = rng.Pick(Lexicon.Conjunctions);
            Clause main = NewClause(allowPerfect: conj.AllowsPerfect, maxAdjunctPercent: 25);
            Clause sub = NewClause(allowPerfect: conj.AllowsPerfect, maxAdjunctPercent: 25);
            return SentenceForms.MainThenSubordinate(main, conj, sub);
        }
        if (kind < 80)
        {
            // Fronted subordinate clause; the main clause inverts: "Weil der Hund bellt, lacht der Mann."
            Conjunction conj = rng.Pick(Lexicon.Conjunctions);
            Clause sub = NewClause(allowPerfect: conj.AllowsPerfect, maxAdjunctPercent: 25);
            Clause main = NewClause(allowPerfect: conj.AllowsPerfect, maxAdjunctPercent: 25);
            return SentenceForms.SubordinateThenMain(conj, sub, main);
        }
        // Reported speech: "Die Frau sagt, dass der Mann den Hund sieht."
        Verb verb = rng.Pick(ThatVerbs);
        Clause complement = NewClause(allowPerfect: true, maxAdjunctPercent: 35);
        return SentenceForms.Simple(new Clause
        {
            Subject = NewNounPhrase(verb.Subject, subject: true),
            Verb = verb,
            Perfect = rng.Chance(20),
            Complement = complement,
        });
    }

    private Clause NewClause(bool allowPerfect, int maxAdjunctPercent = 45)
    {
        Verb verb = rng.Pick(ClauseVerbs);
        NounPhrase subject = NewNounPhrase(verb.Subject, subject: true);
        NounPhrase? obj = null, recipient = null;
        switch (verb.Frame)
        {
            case Frame.Accusative:
            case Frame.Dative:
                obj = NewNounPhrase(verb.Object, subject: false, avoid: subject);
                break;
            case Frame.Ditransitive:
                obj = NewNounPhrase(verb.Object, subject: false, avoid: subject);
                recipient = NewNounPhrase(verb.IndirectObject, subject: false, avoid: subject);
                break;
        }
        Adverb? manner = null;
        PrepPhrase? pp = null;
        if (verb.Adjuncts != Adjuncts.None && rng.Chance(maxAdjunctPercent))
        {
            var kinds = Enum.GetValues<Adjuncts>()
                .Where(k => k != Adjuncts.None && k != Adjuncts.Motion && verb.Adjuncts.HasFlag(k))
                .ToList();
            Adjuncts kind = rng.Pick(kinds);
            if (kind == Adjuncts.Manner) manner = rng.Pick(Lexicon.MannerAdverbs);
            else pp = NewPrepPhrase(kind, subject);
        }
        bool negated = manner is null && rng.Chance(12);
        return new Clause
        {
            Subject = subject,
            Verb = verb,
            Object = obj,
            Recipient = recipient,
            Manner = manner,
            Pp = pp,
            Perfect = allowPerfect && rng.Chance(30),
            Negated = negated,
        };
    }

    private PrepPhrase NewPrepPhrase(Adjuncts kind, NounPhrase subject)
    {
        Preposition prep = kind switch
        {
            Adjuncts.Location => rng.Pick(Lexicon.LocationPrepositions),
            Adjuncts.Into => Lexicon.Into,
            Adjuncts.To => Lexicon.To,
            Adjuncts.Through => Lexicon.Through,
            Adjuncts.Around => Lexicon.Around,
            Adjuncts.From => Lexicon.From,
            Adjuncts.With => Lexicon.With,
            Adjuncts.For => Lexicon.For,
            Adjuncts.Without => Lexicon.Without,
            _ => throw new InvalidOperationException(kind.ToString()),
        };
        return new PrepPhrase(prep, NewNounPhrase(prep.Objects, subject: false, avoid: subject, pluralPercent: 10));
    }

    /// <summary>
    /// Attaches a relative clause where German needs no extraposition: to the subject of a subject-first
    /// clause, or to the object when nothing follows it in either language (present tense, no particle, no
    /// adjunct, no recipient).
    /// </summary>
    private Clause WithRelativeClause(Clause c)
    {
        bool objectIsLast = c.Object is { Kind: NpKind.Common } && c.Recipient is null && !c.Perfect && !c.Negated
            && c.Verb.DeParticle.Length == 0 && c.Manner is null && c.Pp is null;
        if (objectIsLast && rng.Chance(60) && NewRelative(c.Object!) is { } onObject)
            return c with { Object = c.Object! with { Relative = onObject } };
        if (c.Subject.Kind == NpKind.Common && NewRelative(c.Subject) is { } onSubject)
            return c with { Subject = c.Subject with { Relative = onSubject } };
        return c;
    }

    private RelativeClause? NewRelative(NounPhrase head)
    {
        var objectVerbs = RelativeVerbs.Where(v => (v.Object & head.Tags) != 0).ToList();
        var subjectVerbs = ClauseVerbs.Where(v => (v.Subject & head.Tags) != 0 && v.Frame != Frame.Ditransitive).ToList();
        if (objectVerbs.Count > 0 && (subjectVerbs.Count == 0 || rng.Chance(40)))
        {
            // Object relative: the head is the accusative object of a transitive verb.
            Verb verb = rng.Pick(objectVerbs);
            NounPhrase subject = NewNounPhrase(verb.Subject, subject: true, avoid: head, allowPronoun: false, adjectivePercent: 0);
            var clause = new Clause { Subject = subject, Verb = verb, Perfect = rng.Chance(25) };
            return new RelativeClause(clause, HeadIsSubject: false);
        }
        if (subjectVerbs.Count == 0) return null;
        // Subject relative: the head does something (to someone).
        Verb v2 = rng.Pick(subjectVerbs);
        NounPhrase? obj = v2.Frame is Frame.Accusative or Frame.Dative
            ? NewNounPhrase(v2.Object, subject: false, avoid: head, adjectivePercent: 0)
            : null;
        var rel = new Clause { Subject = head, Verb = v2, Object = obj, Perfect = rng.Chance(25) };
        return new RelativeClause(rel, HeadIsSubject: true);
    }

    private static readonly string[] Pronouns = ["he", "she", "they"];

    private NounPhrase NewNounPhrase(NounTags allowed, bool subject, NounPhrase? avoid = null,
        int pluralPercent = 25, int adjectivePercent = 30, bool allowPronoun = true)
    {
        if (allowed.HasFlag(NounTags.Human))
        {
            int r = rng.Next(100);
            if (r < (subject ? 12 : 10))
            {
                string name = rng.Pick(Lexicon.Names);
                if (avoid is { Kind: NpKind.Name } && avoid.Name == name) name = Lexicon.Names[(Array.IndexOf(Lexicon.Names.ToArray(), name) + 1) % Lexicon.Names.Count];
                return new NounPhrase { Kind = NpKind.Name, Name = name };
            }
            if (subject && allowPronoun && r < 20)
            {
                string p = Pronouns[rng.Next(Pronouns.Length)];
                return new NounPhrase { Kind = NpKind.Pronoun, Name = p, Plural = p == "they" };
            }
        }
        var nouns = Lexicon.Nouns.Where(n => (n.Tags & allowed) != 0 && n != avoid?.Noun).ToList();
        Noun noun = rng.Pick(nouns);
        bool plural = rng.Chance(pluralPercent);
        int d = rng.Next(100);
        Det det = d < 55 ? Det.Definite : d < 80 ? Det.Indefinite : Det.Possessive;
        Possessive? poss = det == Det.Possessive ? rng.Pick(Possessive.All) : null;
        Adjective? adjective = null;
        if (rng.Chance(adjectivePercent))
        {
            var fitting = Lexicon.Adjectives.Where(a => (a.Modifies & noun.Tags) != 0).ToList();
            if (fitting.Count > 0) adjective = rng.Pick(fitting);
        }
        return new NounPhrase
        {
            Kind = NpKind.Common, Noun = noun, Plural = plural, Det = det, Possessive = poss, Adjective = adjective,
        };
    }
}
