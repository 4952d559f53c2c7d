using System.Globalization;
using ModelTraining.Trainer;

// train    [--data data/transactions.csv] [--config config/training.json] [--out out]
//          trains; when the data file does not exist it is generated first, from the configuration's rows and seed
// generate [--out data/transactions.csv] [--rows 2000] [--seed 1]
//          writes new synthetic training data (a new seed or row count makes a new dataset, and the next build a
//          new model version)
var command = args.FirstOrDefault();
switch (command)
{
    case "train":
        var dataPath = Option(args, "--data") ?? "data/transactions.csv";
        var options = TrainingOptions.Load(Option(args, "--config") ?? "config/training.json");
        if (!File.Exists(dataPath))
        {
            SyntheticTransactions.Write(dataPath, options.Rows, options.Seed);
        }

        FraudModelTrainer.Train(dataPath, options, Option(args, "--out") ?? "out");
        return 0;

    case "generate":
        SyntheticTransactions.Write(
            Option(args, "--out") ?? "data/transactions.csv",
            int.Parse(Option(args, "--rows") ?? "2000", CultureInfo.InvariantCulture),
            int.Parse(Option(args, "--seed") ?? "1", CultureInfo.InvariantCulture));
        return 0;

    default:
        Console.Error.WriteLine("usage: train [--data <csv>] [--config <json>] [--out <folder>] | generate [--out <csv>] [--rows N] [--seed S]");
        return 2;
}

static string? Option(string[] args, string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}
