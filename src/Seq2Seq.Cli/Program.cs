Console.WriteLine("seq2seq");
