using Seq2Seq;
using Seq2Seq.Cli;

// seq2seq: a thin shell over the Seq2Seq library. Every verb parses its options and makes one call
// into the library. User errors print one line on stderr and exit 1; --help prints the usage.
Seq2Seq.ProcessMemory.NativeHeap.Configure();
return CommandLine.Run(args, Console.Out, Console.Error);
