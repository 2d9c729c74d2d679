namespace Seq2Seq.Evaluation.Metrics;

/// <summary>
/// A sacreBLEU reproducibility signature such as <c>nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp|version:2.6.0</c>
/// (short form <c>#:1|c:mixed|e:no|tok:13a|s:exp|v:2.6.0</c>).
/// </summary>
/// <remarks>
/// Field order follows sacreBLEU's: the shared fields <c>nrefs</c>, <c>bs</c> (bootstrap resamples), <c>ar</c>
/// (randomization trials), <c>seed</c> (short <c>rs</c>), then the metric's own fields, and <c>version</c>
/// always last. Absent fields (null values) are not printed.
/// </remarks>
public sealed class MetricSignature
{
    /// <summary>The sacreBLEU version whose behaviour this library reproduces, as sacreBLEU prints it.</summary>
    public const string SacreBleuVersion = "2.6.0";

    private readonly List<Field> _fields;

    /// <summary>One signature field: long name, short name, value.</summary>
    public sealed record Field(string Name, string ShortName, string Value);

    /// <summary>Builds a signature from the metric-specific fields (the shared ones are added around them).</summary>
    /// <param name="numberOfReferences">Reference count per segment, or "var" when it varies.</param>
    /// <param name="metricFields">The metric's fields in order, e.g. case, eff, tok, smooth.</param>
    /// <param name="bootstrapSamples">Bootstrap resamples when a confidence interval was computed.</param>
    /// <param name="randomizationTrials">Approximate randomization trials (not implemented; kept for the order).</param>
    /// <param name="seed">The resampling seed, printed lowercase like Python (<c>rs:12345</c>).</param>
    public MetricSignature(string numberOfReferences, IEnumerable<Field> metricFields,
        int? bootstrapSamples = null, int? randomizationTrials = null, string? seed = null)
    {
        NumberOfReferences = numberOfReferences;
        MetricFields = metricFields.ToList();
        BootstrapSamples = bootstrapSamples;
        RandomizationTrials = randomizationTrials;
        Seed = seed;
        _fields = [new Field("nrefs", "#", numberOfReferences)];
        if (bootstrapSamples is { } bs)
        {
            _fields.Add(new Field("bs", "bs", bs.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
        if (randomizationTrials is { } ar)
        {
            _fields.Add(new Field("ar", "ar", ar.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
        if (seed is not null)
        {
            _fields.Add(new Field("seed", "rs", seed.ToLowerInvariant()));
        }
        _fields.AddRange(MetricFields);
        _fields.Add(new Field("version", "v", SacreBleuVersion));
    }

    /// <summary>"1", "2", ... or "var".</summary>
    public string NumberOfReferences { get; }

    /// <summary>The metric-specific fields, in order.</summary>
    public IReadOnlyList<Field> MetricFields { get; }

    /// <summary>Bootstrap resamples, when present.</summary>
    public int? BootstrapSamples { get; }

    /// <summary>Approximate randomization trials, when present.</summary>
    public int? RandomizationTrials { get; }

    /// <summary>The seed as printed, when present.</summary>
    public string? Seed { get; }

    /// <summary>All fields in print order.</summary>
    public IReadOnlyList<Field> Fields => _fields;

    /// <summary>The same signature with bootstrap fields (<c>bs:N|rs:SEED</c>) added, as sacreBLEU prints after
    /// <c>--confidence</c> or a paired bootstrap test.</summary>
    public MetricSignature WithBootstrap(int samples, string seed) =>
        new(NumberOfReferences, MetricFields, samples, RandomizationTrials, seed);

    /// <summary>The long form (<c>nrefs:1|case:mixed|...</c>) or the short form (<c>#:1|c:mixed|...</c>).</summary>
    public string Format(bool shortForm = false) =>
        string.Join("|", _fields.Select(f => (shortForm ? f.ShortName : f.Name) + ":" + f.Value));

    /// <summary>The long form.</summary>
    public override string ToString() => Format();

    /// <summary>sacreBLEU's nrefs value for per-segment reference counts: the count when it is the same for every
    /// segment, else "var".</summary>
    public static string ReferenceCountLabel(IEnumerable<int> perSegmentCounts)
    {
        var distinct = perSegmentCounts.Distinct().Take(2).ToList();
        return distinct.Count == 1
            ? distinct[0].ToString(System.Globalization.CultureInfo.InvariantCulture)
            : "var";
    }
}
