namespace VocEdWeek.Bot;

/// <summary>A configuration mistake found at start-up: the message is one sentence naming the key.</summary>
public sealed class ConfigurationException(string message) : Exception(message);
