using System.Reflection;
using System.Reflection.Emit;

namespace Seq2Seq.Tests.Architecture;

/// <summary>
/// The library's folders form layers, and code flows one way: a folder uses only folders of lower
/// layers (docs/architecture.md). Read from the compiled assembly: every type's signatures and
/// every method body's IL, so a fully qualified name or a `using` alias cannot slip past.
/// </summary>
public class LayeringTests
{
    /// <summary>Lowest first. Folders in one layer are siblings and do not use each other. "" is the root namespace.</summary>
    private static readonly string[][] Layers =
    [
        [""],
        ["Files", "ProcessMemory"],
        ["Terminal", "Plotting"],
        ["Evaluation"],
        ["Configuration"],
        ["Tokenization"],
        ["Data"],
        ["Model"],
        ["Packaging"],
        ["Decoding"],
        ["Training", "Serving"],
        ["Workflow", "Benchmarking"],
    ];

    /// <summary>Folders whose sub-folders are layered too, lowest first; "" is the folder's own namespace.</summary>
    private static readonly Dictionary<string, string[][]> SubLayers = new()
    {
        ["Evaluation"] = [["Compatibility"], ["Tokenizers"], ["Metrics"], ["Significance"], ["Output"], [""]],
    };

    private static readonly Assembly Library = typeof(UserError).Assembly;

    [Fact]
    public void EveryFolderHasALayer()
    {
        var placed = Layers.SelectMany(l => l).ToHashSet();
        var unplaced = LibraryTypes.Select(Folder).Where(f => !placed.Contains(f)).Distinct().ToArray();
        Assert.True(unplaced.Length == 0, $"folders without a layer in {nameof(LayeringTests)}.{nameof(Layers)}: {string.Join(", ", unplaced)}");
    }

    [Fact]
    public void NoFolderUsesAFolderAtOrAboveItsLayer()
    {
        var layer = Layers.SelectMany((folders, i) => folders.Select(f => (f, i))).ToDictionary(p => p.f, p => p.i);
        var violations = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var type in LibraryTypes)
        {
            string from = Folder(type);
            if (!layer.TryGetValue(from, out int own)) continue; // EveryFolderHasALayer reports it
            foreach (var used in UsedTypes(type).Where(t => t.Assembly == Library && LibraryTypes.Contains(t)))
            {
                string to = Folder(used);
                if (to == from || !layer.TryGetValue(to, out int other) || other < own) continue;
                violations.Add($"{Name(from)} uses {Name(to)}: {Outer(type).FullName} -> {Outer(used).FullName}");
            }
        }
        Assert.True(violations.Count == 0, "dependencies against the layers:\n" + string.Join("\n", violations));
    }

    [Fact]
    public void NoSubFolderUsesASubFolderAtOrAboveItsLayer()
    {
        var violations = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (top, layers) in SubLayers)
        {
            var layer = layers.SelectMany((folders, i) => folders.Select(f => (f, i))).ToDictionary(p => p.f, p => p.i);
            foreach (var type in LibraryTypes.Where(t => Folder(t) == top))
            {
                string from = SubFolder(type);
                Assert.True(layer.ContainsKey(from), $"{top}/{from} has no layer in {nameof(LayeringTests)}.{nameof(SubLayers)}");
                foreach (var used in UsedTypes(type).Where(t => t.Assembly == Library && LibraryTypes.Contains(t) && Folder(t) == top))
                {
                    string to = SubFolder(used);
                    if (to == from || !layer.TryGetValue(to, out int other) || other < layer[from]) continue;
                    violations.Add($"{top}/{from} uses {top}/{to}: {Outer(type).FullName} -> {Outer(used).FullName}");
                }
            }
        }
        Assert.True(violations.Count == 0, "dependencies against the sub-layers:\n" + string.Join("\n", violations));
    }

    [Fact]
    public void TheScanSeesDependenciesInMethodBodies()
    {
        // A check that reads nothing would pass: this test's own body calls into Decoding, and the
        // scan must find it there (and in no signature of this type).
        var used = UsedTypes(typeof(LayeringTests)).ToHashSet();
        Assert.Contains(typeof(Seq2Seq.Decoding.SearchOptions), used);
        _ = new Seq2Seq.Decoding.SearchOptions().BeamSize;
    }

    /// <summary>The library's own types (and those without a namespace), not the attributes the compiler embeds under System.</summary>
    private static IEnumerable<Type> LibraryTypes => Library.GetTypes().Where(t => Outer(t).Namespace is null or "Seq2Seq" || Outer(t).Namespace!.StartsWith("Seq2Seq.", StringComparison.Ordinal));

    private static string Name(string folder) => folder.Length == 0 ? "the root namespace" : folder;

    /// <summary>The top folder of a library type: Seq2Seq.Data.Demo.X is in "Data", Seq2Seq.X in "".</summary>
    private static string Folder(Type type)
    {
        string ns = Outer(type).Namespace ?? "";
        if (ns == "Seq2Seq") return "";
        string rest = ns.StartsWith("Seq2Seq.", StringComparison.Ordinal) ? ns["Seq2Seq.".Length..] : ns;
        int dot = rest.IndexOf('.');
        return dot < 0 ? rest : rest[..dot];
    }

    /// <summary>The second folder of a library type: Seq2Seq.Evaluation.Metrics.Bleu is in "Metrics", Seq2Seq.Evaluation.Evaluator in "".</summary>
    private static string SubFolder(Type type)
    {
        string[] parts = (Outer(type).Namespace ?? "").Split('.');
        return parts.Length > 2 ? parts[2] : "";
    }

    private static Type Outer(Type type)
    {
        while (type.DeclaringType is not null) type = type.DeclaringType;
        return type;
    }

    private const BindingFlags All = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    /// <summary>Types in a type's signatures (base, interfaces, fields, properties, methods) and in its methods' IL.</summary>
    private static IEnumerable<Type> UsedTypes(Type type)
    {
        var found = new List<Type>();
        void Add(Type? t)
        {
            if (t is null) return;
            if (t.HasElementType) { Add(t.GetElementType()); return; }
            if (t.IsGenericType && !t.IsGenericTypeDefinition)
            {
                foreach (var a in t.GetGenericArguments()) Add(a);
                Add(t.GetGenericTypeDefinition());
                return;
            }
            if (!t.IsGenericParameter) found.Add(t);
        }
        Add(type.BaseType);
        foreach (var i in type.GetInterfaces()) Add(i);
        foreach (var f in type.GetFields(All)) Add(f.FieldType);
        foreach (var p in type.GetProperties(All)) Add(p.PropertyType);
        foreach (var method in type.GetMethods(All).Cast<MethodBase>().Concat(type.GetConstructors(All)))
        {
            if (method is MethodInfo info) Add(info.ReturnType);
            foreach (var p in method.GetParameters()) Add(p.ParameterType);
            foreach (var member in MembersInBody(method))
            {
                Add(member as Type ?? member.DeclaringType);
                if (member is FieldInfo field) Add(field.FieldType);
                if (member is MethodInfo called) foreach (var g in called.IsGenericMethod ? called.GetGenericArguments() : []) Add(g);
            }
        }
        return found;
    }

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    /// <summary>The fields, methods and types that a method's IL refers to by token.</summary>
    private static IEnumerable<MemberInfo> MembersInBody(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null) yield break;
        var typeArgs = method.DeclaringType is { IsGenericType: true } d ? d.GetGenericArguments() : null;
        var methodArgs = method.IsGenericMethod ? method.GetGenericArguments() : null;
        for (int at = 0; at < il.Length;)
        {
            short value = il[at] == 0xFE ? (short)(0xFE00 | il[at + 1]) : il[at];
            at += il[at] == 0xFE ? 2 : 1;
            var op = OpCodesByValue[value];
            if (op.OperandType is OperandType.InlineField or OperandType.InlineMethod or OperandType.InlineType or OperandType.InlineTok)
            {
                int token = BitConverter.ToInt32(il, at);
                MemberInfo? member = null;
                try { member = method.Module.ResolveMember(token, typeArgs, methodArgs); }
                catch (ArgumentException) { }
                if (member is not null) yield return member;
            }
            at += OperandSize(op, il, at);
        }
    }

    private static int OperandSize(OpCode op, byte[] il, int at) => op.OperandType switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        OperandType.InlineSwitch => 4 + 4 * BitConverter.ToInt32(il, at),
        _ => 4,
    };
}
