using StrategyPlatform.Operator;

// scripts/operate.sh: what an operator does to a running platform (README, "Operating it").
return await OperatorCommands.RunAsync(args, Console.Out, Console.Error);
