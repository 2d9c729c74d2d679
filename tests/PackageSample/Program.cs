using Seq2Seq.Decoding;

// Translates one sentence with a model file and prints the translation and its log-probability.
if (args.Length != 2)
{
    Console.Error.WriteLine("usage: PackageSample MODEL \"sentence to translate\"");
    return 2;
}
using var translator = Translator.Load(args[0]);
string translation = translator.Translate([args[1]], beam: 5)[0];
var scored = translator.Score([args[1]], [translation])[0];
Console.WriteLine(translation);
Console.WriteLine($"log-probability {scored.LogProb:F3} over {scored.Length} tokens");
return 0;
