using static Seq2Seq.Data.Demo.Gender;
using static Seq2Seq.Data.Demo.NounTags;

namespace Seq2Seq.Data.Demo;

/// <summary>
/// The word lists of the demo grammar. Only regular, unambiguous entries: no weak masculine nouns
/// (den Jungen), no English nouns with identical singular and plural (sheep), no adjectives whose stem
/// changes (teuer → teure). Order matters: the generator draws by index, so reordering changes the corpus.
/// </summary>
internal static class Lexicon
{
    private const NounTags Thing = Portable | Buyable;

    public static readonly IReadOnlyList<Noun> Nouns =
    [
        // people
        new("man", "men", "Mann", "Männer", Masculine, Human),
        new("woman", "women", "Frau", "Frauen", Feminine, Human),
        new("child", "children", "Kind", "Kinder", Neuter, Human | Paintable),
        new("girl", "girls", "Mädchen", "Mädchen", Neuter, Human),
        new("teacher", "teachers", "Lehrer", "Lehrer", Masculine, Human),
        new("doctor", "doctors", "Arzt", "Ärzte", Masculine, Human),
        new("friend", "friends", "Freund", "Freunde", Masculine, Human),
        new("sister", "sisters", "Schwester", "Schwestern", Feminine, Human),
        new("brother", "brothers", "Bruder", "Brüder", Masculine, Human),
        new("mother", "mothers", "Mutter", "Mütter", Feminine, Human),
        new("father", "fathers", "Vater", "Väter", Masculine, Human),
        new("king", "kings", "König", "Könige", Masculine, Human | Paintable),
        new("queen", "queens", "Königin", "Königinnen", Feminine, Human | Paintable),
        new("cook", "cooks", "Koch", "Köche", Masculine, Human),
        new("baker", "bakers", "Bäcker", "Bäcker", Masculine, Human),
        new("grandmother", "grandmothers", "Großmutter", "Großmütter", Feminine, Human),
        new("uncle", "uncles", "Onkel", "Onkel", Masculine, Human),
        new("aunt", "aunts", "Tante", "Tanten", Feminine, Human),
        new("guest", "guests", "Gast", "Gäste", Masculine, Human),
        new("thief", "thieves", "Dieb", "Diebe", Masculine, Human),
        new("pupil", "pupils", "Schüler", "Schüler", Masculine, Human),
        new("singer", "singers", "Sänger", "Sänger", Masculine, Human),
        // animals
        new("dog", "dogs", "Hund", "Hunde", Masculine, Animal | Washable | Paintable | Buyable),
        new("cat", "cats", "Katze", "Katzen", Feminine, Animal | Washable | Paintable | Buyable),
        new("bird", "birds", "Vogel", "Vögel", Masculine, Animal | Paintable | Catchable),
        new("horse", "horses", "Pferd", "Pferde", Neuter, Animal | Washable | Paintable | Buyable),
        new("mouse", "mice", "Maus", "Mäuse", Feminine, Animal | Catchable),
        new("cow", "cows", "Kuh", "Kühe", Feminine, Animal | Paintable | Buyable),
        new("pig", "pigs", "Schwein", "Schweine", Neuter, Animal | Buyable),
        new("duck", "ducks", "Ente", "Enten", Feminine, Animal | Catchable),
        new("fox", "foxes", "Fuchs", "Füchse", Masculine, Animal | Catchable),
        new("rabbit", "rabbits", "Kaninchen", "Kaninchen", Neuter, Animal | Catchable | Buyable),
        // things
        new("book", "books", "Buch", "Bücher", Neuter, Thing | Readable | Writable | Openable | Sendable),
        new("letter", "letters", "Brief", "Briefe", Masculine, Portable | Readable | Writable | Openable | Sendable),
        new("newspaper", "newspapers", "Zeitung", "Zeitungen", Feminine, Thing | Readable),
        new("story", "stories", "Geschichte", "Geschichten", Feminine, Readable | Writable | Tellable),
        new("joke", "jokes", "Witz", "Witze", Masculine, Tellable | Writable),
        new("song", "songs", "Lied", "Lieder", Neuter, Audible | Writable),
        new("apple", "apples", "Apfel", "Äpfel", Masculine, Thing | Food | Paintable | Washable),
        new("cake", "cakes", "Kuchen", "Kuchen", Masculine, Thing | Food | Bakeable),
        new("bread", "breads", "Brot", "Brote", Neuter, Thing | Food | Bakeable),
        new("soup", "soups", "Suppe", "Suppen", Feminine, Food),
        new("banana", "bananas", "Banane", "Bananen", Feminine, Thing | Food),
        new("egg", "eggs", "Ei", "Eier", Neuter, Thing | Food),
        new("orange", "oranges", "Orange", "Orangen", Feminine, Thing | Food | Paintable),
        new("ball", "balls", "Ball", "Bälle", Masculine, Thing | Catchable),
        new("key", "keys", "Schlüssel", "Schlüssel", Masculine, Thing),
        new("cup", "cups", "Tasse", "Tassen", Feminine, Thing | Washable),
        new("bag", "bags", "Tasche", "Taschen", Feminine, Thing | Openable),
        new("box", "boxes", "Kiste", "Kisten", Feminine, Thing | Openable | Sendable),
        new("bottle", "bottles", "Flasche", "Flaschen", Feminine, Thing | Openable | Washable),
        new("picture", "pictures", "Bild", "Bilder", Neuter, Thing | Paintable | Sendable),
        new("hat", "hats", "Hut", "Hüte", Masculine, Thing),
        new("umbrella", "umbrellas", "Regenschirm", "Regenschirme", Masculine, Thing | Openable),
        new("lamp", "lamps", "Lampe", "Lampen", Feminine, Thing | Switchable),
        new("clock", "clocks", "Uhr", "Uhren", Feminine, Thing),
        new("glass", "glasses", "Glas", "Gläser", Neuter, Thing | Washable),
        new("shoe", "shoes", "Schuh", "Schuhe", Masculine, Thing | Washable),
        new("phone", "phones", "Telefon", "Telefone", Neuter, Thing | Switchable),
        new("radio", "radios", "Radio", "Radios", Neuter, Thing | Switchable),
        new("computer", "computers", "Computer", "Computer", Masculine, Buyable | Switchable),
        new("present", "presents", "Geschenk", "Geschenke", Neuter, Thing | Openable | Sendable),
        new("flower", "flowers", "Blume", "Blumen", Feminine, Thing | Paintable),
        new("bicycle", "bicycles", "Fahrrad", "Fahrräder", Neuter, Buyable | Washable | Landmark),
        new("car", "cars", "Auto", "Autos", Neuter, Buyable | Washable | Paintable | Landmark),
        // furniture and landmarks
        new("table", "tables", "Tisch", "Tische", Masculine, Surface | Under | Landmark),
        new("chair", "chairs", "Stuhl", "Stühle", Masculine, Surface | Under | Landmark),
        new("bed", "beds", "Bett", "Betten", Neuter, Surface | Under),
        new("bench", "benches", "Bank", "Bänke", Feminine, Surface | Under | Landmark),
        new("tree", "trees", "Baum", "Bäume", Masculine, Under | Landmark | Paintable),
        new("bridge", "bridges", "Brücke", "Brücken", Feminine, Under | Landmark | Paintable),
        new("wall", "walls", "Mauer", "Mauern", Feminine, Surface | Landmark),
        new("door", "doors", "Tür", "Türen", Feminine, Openable | Landmark),
        new("window", "windows", "Fenster", "Fenster", Neuter, Openable | Landmark),
        // places
        new("house", "houses", "Haus", "Häuser", Neuter, Place | Landmark | Paintable | Buyable),
        new("garden", "gardens", "Garten", "Gärten", Masculine, Place),
        new("park", "parks", "Park", "Parks", Masculine, Place),
        new("kitchen", "kitchens", "Küche", "Küchen", Feminine, Place),
        new("school", "schools", "Schule", "Schulen", Feminine, Place | Landmark | Visitable),
        new("city", "cities", "Stadt", "Städte", Feminine, Place | Visitable),
        new("forest", "forests", "Wald", "Wälder", Masculine, Place | Paintable),
        new("market", "markets", "Markt", "Märkte", Masculine, Place | Visitable),
        new("station", "stations", "Bahnhof", "Bahnhöfe", Masculine, Place | Landmark),
        new("church", "churches", "Kirche", "Kirchen", Feminine, Place | Landmark | Visitable | Paintable),
        new("shop", "shops", "Laden", "Läden", Masculine, Place | Landmark | Visitable),
        new("library", "libraries", "Bibliothek", "Bibliotheken", Feminine, Place | Landmark | Visitable),
        new("museum", "museums", "Museum", "Museen", Neuter, Place | Landmark | Visitable),
        new("hotel", "hotels", "Hotel", "Hotels", Neuter, Place | Landmark),
    ];

    /// <summary>Proper names: identical in both languages, take no article, count as singular humans.</summary>
    public static readonly IReadOnlyList<string> Names =
    [
        "Anna", "Maria", "Lisa", "Julia", "Sophie", "Emma", "Laura", "Sarah",
        "Peter", "Thomas", "Paul", "Jonas", "Felix", "Max", "Lukas", "David",
    ];

    private const NounTags Concrete = Portable | Food | Readable | Washable | Landmark | Place | Paintable | Buyable;

    public static readonly IReadOnlyList<Adjective> Adjectives =
    [
        new("big", "groß", Animate | Concrete),
        new("small", "klein", Animate | Concrete),
        new("old", "alt", Animate | Concrete | Audible | Tellable),
        new("young", "jung", Animate),
        new("new", "neu", Portable | Readable | Buyable | Landmark | Place | Audible | Tellable),
        new("beautiful", "schön", Animate | Concrete | Audible),
        new("good", "gut", Human | Animal | Food | Readable | Audible | Tellable),
        new("tired", "müd", Animate),
        new("hungry", "hungrig", Animate),
        new("happy", "glücklich", Animate),
        new("clever", "klug", Human | Animal),
        new("friendly", "freundlich", Human | Animal),
        new("funny", "lustig", Human | Animal | Readable | Audible | Tellable),
        new("rich", "reich", Human),
        new("poor", "arm", Human),
        new("sad", "traurig", Human | Readable | Audible | Tellable),
        new("brave", "mutig", Human | Animal),
        new("lazy", "faul", Human | Animal),
        new("red", "rot", Portable | Buyable | Landmark | Food),
        new("blue", "blau", Portable | Buyable | Landmark),
        new("green", "grün", Portable | Buyable | Landmark | Food),
        new("yellow", "gelb", Portable | Buyable | Landmark | Food),
        new("white", "weiß", Animal | Portable | Buyable | Landmark),
        new("black", "schwarz", Animal | Portable | Buyable | Landmark),
        new("heavy", "schwer", Portable | Buyable | Landmark),
        new("cheap", "billig", Portable | Buyable),
        new("long", "lang", Readable | Audible | Tellable | Landmark),
        new("short", "kurz", Readable | Audible | Tellable),
        new("interesting", "interessant", Readable | Tellable | Audible | Visitable | Human),
        new("fresh", "frisch", Food),
        new("cold", "kalt", Food | Place),
        new("warm", "warm", Food | Place),
        new("clean", "sauber", Portable | Washable | Place | Surface),
        new("dirty", "schmutzig", Animate | Portable | Washable | Place | Surface),
        new("empty", "leer", Openable | Place),
        new("quiet", "ruhig", Animate | Place),
    ];

    public static readonly IReadOnlyList<Adverb> MannerAdverbs =
    [
        new("quickly", "schnell"),
        new("slowly", "langsam"),
        new("quietly", "leise"),
        new("loudly", "laut"),
        new("carefully", "vorsichtig"),
        new("happily", "fröhlich"),
        new("again", "wieder"),
    ];

    public static readonly IReadOnlyList<TimePhrase> TimePhrases =
    [
        new("today", "heute", true),
        new("now", "jetzt", true),
        new("this morning", "heute Morgen", true),
        new("this week", "diese Woche", true),
        new("often", "oft", true),
        new("sometimes", "manchmal", true),
        new("every day", "jeden Tag", false),
        new("in the morning", "am Morgen", false),
        new("in the evening", "am Abend", false),
        new("on Sunday", "am Sonntag", false),
        new("on Monday", "am Montag", false),
        new("at night", "in der Nacht", false),
        new("tomorrow", "morgen", false),
        new("soon", "bald", false),
    ];

    /// <summary>Static locations (all with dative): "in the garden" → "im Garten".</summary>
    public static readonly IReadOnlyList<Preposition> LocationPrepositions =
    [
        new("in", "in", Case.Dative, Place),
        new("on", "auf", Case.Dative, Surface),
        new("under", "unter", Case.Dative, Under),
        new("behind", "hinter", Case.Dative, Landmark),
        new("next to", "neben", Case.Dative, Landmark),
        new("in front of", "vor", Case.Dative, Landmark),
    ];

    public static readonly Preposition Into = new("into", "in", Case.Accusative, Place);
    public static readonly Preposition To = new("to", "zu", Case.Dative, Place | Human);
    public static readonly Preposition Through = new("through", "durch", Case.Accusative, Place);
    public static readonly Preposition Around = new("around", "um", Case.Accusative, Landmark);
    public static readonly Preposition From = new("from", "von", Case.Dative, Place | Human);
    public static readonly Preposition With = new("with", "mit", Case.Dative, Animate);
    public static readonly Preposition For = new("for", "für", Case.Accusative, Animate);
    public static readonly Preposition Without = new("without", "ohne", Case.Accusative, Animate);

    public static readonly IReadOnlyList<Conjunction> Conjunctions =
    [
        new("because", "weil", true),
        new("although", "obwohl", true),
        new("if", "wenn", false),
        new("while", "während", false),
        new("before", "bevor", false),
    ];

    private const NounTags H = Human;
    private const NounTags A = Human | Animal;
    private const NounTags N = NounTags.None;
    private const Adjuncts Loc = Adjuncts.Location;
    private const Adjuncts Man = Adjuncts.Manner;

    private static Verb V(string en3, string en, string enPart, string de3, string dePl, string dePart,
        Frame frame, NounTags subj, NounTags obj = N, Adjuncts adj = Adjuncts.None,
        string enParticle = "", string deParticle = "", bool sein = false, NounTags indirect = N) =>
        new(en3, en, enPart, enParticle, de3, dePl, deParticle, dePart, sein, frame, subj, obj, indirect, adj);

    public static readonly IReadOnlyList<Verb> Verbs =
    [
        // intransitive
        V("laughs", "laugh", "laughed", "lacht", "lachen", "gelacht", Frame.Intransitive, H, adj: Man | Loc | Adjuncts.With),
        V("sleeps", "sleep", "slept", "schläft", "schlafen", "geschlafen", Frame.Intransitive, A, adj: Loc),
        V("waits", "wait", "waited", "wartet", "warten", "gewartet", Frame.Intransitive, A, adj: Loc | Adjuncts.With),
        V("works", "work", "worked", "arbeitet", "arbeiten", "gearbeitet", Frame.Intransitive, H, adj: Man | Loc | Adjuncts.With | Adjuncts.For),
        V("plays", "play", "played", "spielt", "spielen", "gespielt", Frame.Intransitive, A, adj: Man | Loc | Adjuncts.With),
        V("sings", "sing", "sung", "singt", "singen", "gesungen", Frame.Intransitive, H, adj: Man | Loc | Adjuncts.For),
        V("dances", "dance", "danced", "tanzt", "tanzen", "getanzt", Frame.Intransitive, H, adj: Man | Loc | Adjuncts.With),
        V("runs", "run", "run", "läuft", "laufen", "gelaufen", Frame.Intransitive, A, adj: Man | Adjuncts.Motion | Adjuncts.With | Adjuncts.Without, sein: true),
        V("goes", "go", "gone", "geht", "gehen", "gegangen", Frame.Intransitive, A, adj: Adjuncts.Into | Adjuncts.To | Adjuncts.Through | Adjuncts.With | Adjuncts.Without, sein: true),
        V("comes", "come", "come", "kommt", "kommen", "gekommen", Frame.Intransitive, A, adj: Adjuncts.Into | Adjuncts.To | Adjuncts.From | Adjuncts.With | Adjuncts.Without, sein: true),
        // separable intransitive
        V("arrives", "arrive", "arrived", "kommt", "kommen", "angekommen", Frame.Intransitive, A, adj: Loc | Adjuncts.With | Adjuncts.Without, deParticle: "an", sein: true),
        V("wakes", "wake", "woken", "wacht", "wachen", "aufgewacht", Frame.Intransitive, A, adj: Loc, enParticle: "up", deParticle: "auf", sein: true),
        V("gets", "get", "got", "steht", "stehen", "aufgestanden", Frame.Intransitive, H, adj: Man, enParticle: "up", deParticle: "auf", sein: true),
        V("falls", "fall", "fallen", "schläft", "schlafen", "eingeschlafen", Frame.Intransitive, A, adj: Loc, enParticle: "asleep", deParticle: "ein", sein: true),
        V("comes", "come", "come", "kommt", "kommen", "zurückgekommen", Frame.Intransitive, A, adj: Adjuncts.From | Adjuncts.With | Adjuncts.Without, enParticle: "back", deParticle: "zurück", sein: true),
        // accusative
        V("sees", "see", "seen", "sieht", "sehen", "gesehen", Frame.Accusative, A, Animate | Portable | Landmark | Place | Food, Loc),
        V("hears", "hear", "heard", "hört", "hören", "gehört", Frame.Accusative, A, Animate | Audible, Loc),
        V("finds", "find", "found", "findet", "finden", "gefunden", Frame.Accusative, A, Portable | Animal, Loc),
        V("likes", "like", "liked", "mag", "mögen", "gemocht", Frame.Accusative, A, Animate | Food | Audible | Readable | Tellable | Place),
        V("needs", "need", "needed", "braucht", "brauchen", "gebraucht", Frame.Accusative, H, Portable | Buyable | Food),
        V("reads", "read", "read", "liest", "lesen", "gelesen", Frame.Accusative, H, Readable, Man | Loc),
        V("writes", "write", "written", "schreibt", "schreiben", "geschrieben", Frame.Accusative, H, Writable, Man | Loc | Adjuncts.For),
        V("eats", "eat", "eaten", "isst", "essen", "gegessen", Frame.Accusative, A, Food, Man | Loc | Adjuncts.With),
        V("buys", "buy", "bought", "kauft", "kaufen", "gekauft", Frame.Accusative, H, Buyable | Food, Loc | Adjuncts.For),
        V("sells", "sell", "sold", "verkauft", "verkaufen", "verkauft", Frame.Accusative, H, Buyable | Food, Loc),
        V("carries", "carry", "carried", "trägt", "tragen", "getragen", Frame.Accusative, H, Portable, Man | Adjuncts.Into | Adjuncts.To | Adjuncts.Through | Adjuncts.For),
        V("opens", "open", "opened", "öffnet", "öffnen", "geöffnet", Frame.Accusative, H, Openable, Man | Adjuncts.For),
        V("visits", "visit", "visited", "besucht", "besuchen", "besucht", Frame.Accusative, H, Human | Visitable, Adjuncts.With | Adjuncts.Without),
        V("washes", "wash", "washed", "wäscht", "waschen", "gewaschen", Frame.Accusative, H, Washable, Man | Loc | Adjuncts.For),
        V("paints", "paint", "painted", "malt", "malen", "gemalt", Frame.Accusative, H, Paintable, Man | Loc | Adjuncts.For),
        V("catches", "catch", "caught", "fängt", "fangen", "gefangen", Frame.Accusative, A, Catchable, Man | Loc),
        V("forgets", "forget", "forgotten", "vergisst", "vergessen", "vergessen", Frame.Accusative, H, Portable, Loc),
        V("bakes", "bake", "baked", "backt", "backen", "gebacken", Frame.Accusative, H, Bakeable, Loc | Adjuncts.For),
        V("sings", "sing", "sung", "singt", "singen", "gesungen", Frame.Accusative, H, Audible, Man | Loc | Adjuncts.For),
        // separable accusative
        V("calls", "call", "called", "ruft", "rufen", "angerufen", Frame.Accusative, H, Human, Adjuncts.None, deParticle: "an"),
        V("invites", "invite", "invited", "lädt", "laden", "eingeladen", Frame.Accusative, H, Human, Adjuncts.Into | Adjuncts.To, deParticle: "ein"),
        V("picks", "pick", "picked", "hebt", "heben", "aufgehoben", Frame.Accusative, H, Portable, Man, enParticle: "up", deParticle: "auf"),
        V("closes", "close", "closed", "macht", "machen", "zugemacht", Frame.Accusative, H, Openable, Man, deParticle: "zu"),
        V("brings", "bring", "brought", "bringt", "bringen", "zurückgebracht", Frame.Accusative, H, Portable | Animal, Adjuncts.To, enParticle: "back", deParticle: "zurück"),
        V("throws", "throw", "thrown", "wirft", "werfen", "weggeworfen", Frame.Accusative, H, Portable | Food, Man, enParticle: "away", deParticle: "weg"),
        V("switches", "switch", "switched", "schaltet", "schalten", "eingeschaltet", Frame.Accusative, H, Switchable, Man, enParticle: "on", deParticle: "ein"),
        V("switches", "switch", "switched", "schaltet", "schalten", "ausgeschaltet", Frame.Accusative, H, Switchable, Man, enParticle: "off", deParticle: "aus"),
        // dative object
        V("helps", "help", "helped", "hilft", "helfen", "geholfen", Frame.Dative, A, Human, Man | Loc),
        V("thanks", "thank", "thanked", "dankt", "danken", "gedankt", Frame.Dative, H, Human, Adjuncts.None),
        V("follows", "follow", "followed", "folgt", "folgen", "gefolgt", Frame.Dative, A, Animate, Adjuncts.Into | Adjuncts.Through | Adjuncts.To, sein: true),
        V("answers", "answer", "answered", "antwortet", "antworten", "geantwortet", Frame.Dative, H, Human, Man),
        V("listens", "listen", "listened", "hört", "hören", "zugehört", Frame.Dative, A, Human, Loc, enParticle: "to", deParticle: "zu"),
        // dative + accusative
        V("gives", "give", "given", "gibt", "geben", "gegeben", Frame.Ditransitive, H, Portable | Food, indirect: Animate),
        V("shows", "show", "shown", "zeigt", "zeigen", "gezeigt", Frame.Ditransitive, H, Portable | Readable, indirect: Human),
        V("sends", "send", "sent", "schickt", "schicken", "geschickt", Frame.Ditransitive, H, Sendable, indirect: Human),
        V("brings", "bring", "brought", "bringt", "bringen", "gebracht", Frame.Ditransitive, H, Portable | Food, indirect: Animate),
        V("tells", "tell", "told", "erzählt", "erzählen", "erzählt", Frame.Ditransitive, H, Tellable, indirect: Human),
        V("reads", "read", "read", "liest", "lesen", "vorgelesen", Frame.Ditransitive, H, Readable, indirect: Human, deParticle: "vor"),
        // that-clause
        V("says", "say", "said", "sagt", "sagen", "gesagt", Frame.ThatClause, H),
        V("thinks", "think", "thought", "denkt", "denken", "gedacht", Frame.ThatClause, H),
        V("knows", "know", "known", "weiß", "wissen", "gewusst", Frame.ThatClause, H),
        V("hopes", "hope", "hoped", "hofft", "hoffen", "gehofft", Frame.ThatClause, H),
        V("believes", "believe", "believed", "glaubt", "glauben", "geglaubt", Frame.ThatClause, H),
    ];
}
