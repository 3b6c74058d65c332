using System.Collections.Concurrent;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace VocEdWeek.Bot.Reliability.Faults;

/// <summary>
/// A Bot Connector on 127.0.0.1 that, once <see cref="Faulty"/>, answers a share of message sends badly: 429 and 503
/// (not posted), or posts the message and answers only after the bot has given up (the hard case: Teams has it, the
/// bot does not know). It counts what it actually posted, per conversation, reminders apart from other messages.
/// </summary>
public sealed class FaultyConnector : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly Random dice;
    private readonly object sync = new();
    private readonly ConcurrentDictionary<string, int> reminders = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> answers = new(StringComparer.Ordinal);
    private int others;
    private int ids;

    private FaultyConnector(WebApplication app, int seed)
    {
        this.app = app;
        dice = new Random(seed);
    }

    public string ServiceUrl { get; private set; } = "";

    /// <summary>From now on: this share answered 429, the same share 503, the same share posted but answered too late.</summary>
    public double FaultShare { get; set; } = 0.1;

    public bool Faulty { get; set; }

    public TimeSpan LateAnswer { get; set; } = TimeSpan.FromSeconds(4);

    /// <summary>Reminders actually posted, per conversation id.</summary>
    public IReadOnlyDictionary<string, int> Reminders => reminders;

    /// <summary>What reminder sends were answered: "201", "429", "503", "late 201".</summary>
    public IReadOnlyDictionary<string, int> Answers => answers;

    public int Others => Volatile.Read(ref others);

    public static async Task<FaultyConnector> StartAsync(int seed = 15)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var fake = new FaultyConnector(app, seed);
        app.Run(fake.HandleAsync);
        await app.StartAsync();
        fake.ServiceUrl = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First().TrimEnd('/') + "/amer/";
        return fake;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var path = Uri.UnescapeDataString(context.Request.Path.Value ?? "");
        var body = await new StreamReader(context.Request.Body).ReadToEndAsync();
        var match = Regex.Match(path, "/v3/conversations/([^/]+)/activities");
        if (context.Request.Method != "POST" || !match.Success)
        {
            context.Response.StatusCode = 200;
            await context.Response.WriteAsJsonAsync(new { id = "a:unexpected" });
            return;
        }
        var conversation = match.Groups[1].Value;
        var isReminder = Regex.Unescape(body).Contains("报送提醒", StringComparison.Ordinal);
        double roll;
        lock (sync) roll = dice.NextDouble();
        var fault = !isReminder || !Faulty ? 3 : (int)Math.Min(3, roll / FaultShare);
        if (fault == 0 || fault == 1)
        {
            answers.AddOrUpdate(fault == 0 ? "429" : "503", 1, (_, n) => n + 1);
            context.Response.StatusCode = fault == 0 ? 429 : 503;
            if (fault == 0) context.Response.Headers.RetryAfter = "1";
            return;
        }
        if (isReminder) reminders.AddOrUpdate(conversation, 1, (_, n) => n + 1);
        else Interlocked.Increment(ref others);
        if (fault == 2)
        {
            // Posted; the answer comes after the bot's request timeout.
            answers.AddOrUpdate("late 201", 1, (_, n) => n + 1);
            await Task.Delay(LateAnswer);
        }
        else if (isReminder)
        {
            answers.AddOrUpdate("201", 1, (_, n) => n + 1);
        }
        context.Response.StatusCode = 201;
        await context.Response.WriteAsJsonAsync(new { id = Interlocked.Increment(ref ids).ToString(System.Globalization.CultureInfo.InvariantCulture) });
    }
}
