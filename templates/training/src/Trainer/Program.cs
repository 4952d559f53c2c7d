using System.Globalization;
using ModelTraining.Trainer;

// [train] [--data data] [--config config/training.json] [--output out]
//          trains on every CSV of the data folder (or one CSV file) and writes out/model/model.zip and
//          out/metrics.json; when there is no data yet, generates it first from the configuration's rows and seed
// generate [--out data/transactions.csv] [--rows 2000] [--seed 1]
//          writes new synthetic training data (new data makes a new recipe: the next build registers a new version)
var command = args.Length == 0 || args[0].StartsWith("--", StringComparison.Ordinal) ? "train" : args[0];
switch (command)
{
    case "train":
        var data = Option(args, "--data") ?? "data";
        var options = TrainingOptions.Load(Option(args, "--config") ?? "config/training.json");
        var files = TrainingData.Find(data);
        if (files.Count == 0)
        {
            var generated = Directory.Exists(data) || !data.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? Path.Combine(data, "transactions.csv") : data;
            SyntheticTransactions.Write(generated, options.Rows, options.Seed);
            files = [Path.GetFullPath(generated)];
        }

        FraudModelTrainer.Train(files, options, Option(args, "--output") ?? Option(args, "--out") ?? "out");
        return 0;

    case "generate":
        SyntheticTransactions.Write(
            Option(args, "--out") ?? "data/transactions.csv",
            int.Parse(Option(args, "--rows") ?? "2000", CultureInfo.InvariantCulture),
            int.Parse(Option(args, "--seed") ?? "1", CultureInfo.InvariantCulture));
        return 0;

    default:
        Console.Error.WriteLine("usage: [train] [--data <folder or csv>] [--config <json>] [--output <folder>] | generate [--out <csv>] [--rows N] [--seed S]");
        return 2;
}

static string? Option(string[] args, string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}
