using System.Text;
using TorchSharp;
using static TorchSharp.torch;

namespace Seq2Seq.Model;

/// <summary>
/// The weights of a model as bytes (weights.bin in a model file), in TorchSharp's state-dict layout
/// (an entry count, then per tensor its name, element type, rank, sizes and raw bytes; numbers in
/// LEB128), with each tensor stored once: a tensor registered under several names (an embedding the
/// encoder or decoder also holds, a shared or tied matrix) is written under its first name only.
/// Reading checks every header against the model before anything is allocated or copied: names it
/// has, each once, the element type, the rank and sizes of its tensor, and bytes the file really
/// holds. So a crafted or truncated file is a clear error, never an unbounded allocation. Weights
/// that are not finite (NaN, infinity) are refused too: such a model translates garbage.
/// </summary>
public static class ModelWeights
{
    private const int MaxNameBytes = 1024;

    public static byte[] Save(nn.Module model)
    {
        using var scope = NewDisposeScope();
        var unique = Aliases(model.state_dict()).Select(group => group[0]).ToList();
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            WriteNumber(writer, unique.Count);
            foreach (var (name, tensor) in unique)
            {
                writer.Write(name);
                WriteNumber(writer, (long)tensor.dtype);
                WriteNumber(writer, tensor.shape.Length);
                foreach (long size in tensor.shape) WriteNumber(writer, size);
                tensor.WriteBytesToStream(stream);
            }
        }
        return stream.ToArray();
    }

    /// <summary>Loads <paramref name="weights"/> into <paramref name="model"/>; any mismatch is an <see cref="InvalidDataException"/> saying what.</summary>
    public static void Load(nn.Module model, byte[] weights)
    {
        try
        {
            Read(model, weights);
        }
        catch (EndOfStreamException)
        {
            throw new InvalidDataException("the file ends inside a tensor header (truncated file)");
        }
        catch (FormatException)
        {
            throw new InvalidDataException("an unreadable tensor name");
        }
    }

    private static void Read(nn.Module model, byte[] weights)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var state = model.state_dict();
        var groups = Aliases(state);
        var groupOf = groups.SelectMany((group, i) => group.Select(entry => (entry.Name, i))).ToDictionary(e => e.Name, e => e.i);
        var loaded = new HashSet<string>();
        var loadedGroups = new HashSet<int>();
        using var stream = new MemoryStream(weights, writable: false);
        using var reader = new BinaryReader(stream, Encoding.UTF8);
        long count = ReadNumber(reader);
        if (count > state.Count) throw new InvalidDataException($"{count} tensors, but the model has {state.Count}");
        for (long i = 0; i < count; i++)
        {
            string name = ReadName(reader);
            if (!state.TryGetValue(name, out var tensor)) throw new InvalidDataException($"tensor '{name}', which the model does not have");
            if (!loaded.Add(name)) throw new InvalidDataException($"tensor '{name}' twice");
            CheckHeader(reader, name, tensor);
            tensor.ReadBytesFromStream(stream);
            loadedGroups.Add(groupOf[name]);
        }
        if (stream.Position != stream.Length) throw new InvalidDataException($"{stream.Length - stream.Position} bytes after the last tensor");
        if (Enumerable.Range(0, groups.Count).FirstOrDefault(g => !loadedGroups.Contains(g), -1) is int missing and >= 0)
        {
            throw new InvalidDataException($"no tensor '{groups[missing][0].Name}'");
        }
        if (state.FirstOrDefault(e => e.Value.is_floating_point() && !isfinite(e.Value).all().item<bool>()) is { Key: not null } bad)
        {
            throw new InvalidDataException($"tensor '{bad.Key}' holds NaN or infinite values");
        }
    }

    private static void CheckHeader(BinaryReader reader, string name, Tensor tensor)
    {
        long type = ReadNumber(reader);
        if (type != (long)tensor.dtype) throw new InvalidDataException($"tensor '{name}' has element type {type}, the model's is {(long)tensor.dtype} ({tensor.dtype})");
        long rank = ReadNumber(reader);
        if (rank != tensor.shape.Length) throw new InvalidDataException($"tensor '{name}' has rank {rank}, the model's has {tensor.shape.Length}");
        var sizes = new long[rank];
        for (int d = 0; d < rank; d++) sizes[d] = ReadNumber(reader);
        if (!sizes.SequenceEqual(tensor.shape))
        {
            throw new InvalidDataException($"tensor '{name}' is [{string.Join(", ", sizes)}], the model's is [{string.Join(", ", tensor.shape)}]");
        }
        if (tensor.NumberOfElements * tensor.ElementSize > reader.BaseStream.Length - reader.BaseStream.Position)
        {
            throw new InvalidDataException($"tensor '{name}' is cut short (truncated file)");
        }
    }

    /// <summary>The state dict's entries grouped by the storage they share, in state-dict order.</summary>
    private static List<List<(string Name, Tensor Tensor)>> Aliases(Dictionary<string, Tensor> state)
    {
        var groups = new List<List<(string, Tensor)>>();
        var byAddress = new Dictionary<(nint, string), int>();
        foreach (var (name, tensor) in state)
        {
            var key = (Address(tensor), string.Join('x', tensor.shape) + tensor.dtype);
            if (byAddress.TryGetValue(key, out int group)) groups[group].Add((name, tensor));
            else
            {
                byAddress[key] = groups.Count;
                groups.Add([(name, tensor)]);
            }
        }
        return groups;
    }

    private static unsafe nint Address(Tensor tensor)
    {
        if (tensor.NumberOfElements == 0) return 0;
        fixed (byte* data = tensor.bytes) return (nint)data;
    }

    private static string ReadName(BinaryReader reader)
    {
        // BinaryReader's string: a 7-bit encoded byte length, then UTF-8. The length is checked first.
        long start = reader.BaseStream.Position;
        int length = reader.Read7BitEncodedInt();
        if (length < 0 || length > MaxNameBytes) throw new InvalidDataException($"a tensor name of {length} bytes");
        reader.BaseStream.Position = start;
        return reader.ReadString();
    }

    private static void WriteNumber(BinaryWriter writer, long value)
    {
        do
        {
            byte low = (byte)(value & 0x7F);
            value >>= 7;
            writer.Write(value == 0 ? low : (byte)(low | 0x80));
        }
        while (value != 0);
    }

    /// <summary>A non-negative LEB128 number of at most 9 bytes (63 bits): a longer one is an error, not an overflow.</summary>
    private static long ReadNumber(BinaryReader reader)
    {
        long value = 0;
        for (int shift = 0; shift < 63; shift += 7)
        {
            byte b = reader.ReadByte();
            value |= (long)(b & 0x7F) << shift;
            if ((b & 0x80) == 0) return value;
        }
        throw new InvalidDataException("a number longer than 63 bits");
    }
}
