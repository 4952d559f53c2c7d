using FraudTrainer;

// fraud-trainer generate --rows N --seed S --out data.csv
// fraud-trainer train --data data.csv --out folder
return args.FirstOrDefault() switch
{
    "generate" => SyntheticFraudData.Write(Arg(args, "--out"), int.Parse(Arg(args, "--rows", "2000"), System.Globalization.CultureInfo.InvariantCulture), int.Parse(Arg(args, "--seed", "1"), System.Globalization.CultureInfo.InvariantCulture)),
    "train" => FraudModelTrainer.Train(Arg(args, "--data"), Arg(args, "--out")),
    _ => Usage(),
};

static string Arg(string[] args, string name, string? fallback = null)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback ?? throw new ArgumentException($"{name} is required.");
}

static int Usage()
{
    Console.Error.WriteLine("usage: fraud-trainer generate --out <csv> [--rows N] [--seed S] | train --data <csv> --out <folder>");
    return 2;
}
