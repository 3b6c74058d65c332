using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using VocEdWeek.Bot.Features.Office;
using VocEdWeek.Bot.Progress;
using VocEdWeek.Bot.Submissions;
using VocEdWeek.Bot.Tests.Fakes;
using VocEdWeek.Bot.Tests.Features.Forms;
using VocEdWeek.Bot.Weeks;

namespace VocEdWeek.Bot.Tests.Features.Office;

/// <summary>The office's first question after a start finds the week's times read and the missing card prepared.</summary>
public sealed class OfficeWarmUpTests
{
    private readonly CapturingLoggerProvider _logs = new();

    [Fact]
    public async Task Once_the_bot_has_started_the_weeks_times_and_exemptions_are_read()
    {
        using var world = new OfficeWorld(departments: 60);
        var store = CountingStore.Wrap(world.Store);
        using var lifetime = new StartedLifetime();
        var warmUp = WarmUp(world, store.AsStore, lifetime);

        await warmUp.StartAsync(CancellationToken.None);
        Assert.Empty(store.Calls); // nothing before the app has started: start-up is not held up
        lifetime.Start();

        await store.TimesRead.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Contains($"Times {world.WeekId}", store.Calls);
        Assert.Contains($"Exemptions {world.WeekId}", store.Calls);
    }

    [Fact]
    public async Task Stopping_waits_for_a_warm_up_still_reading_so_the_database_is_not_reopened_after_it_was_closed()
    {
        using var world = new OfficeWorld(departments: 20);
        var release = new TaskCompletionSource();
        var store = CountingStore.Wrap(world.Store, hold: release.Task);
        using var lifetime = new StartedLifetime();
        var warmUp = WarmUp(world, store.AsStore, lifetime);
        await warmUp.StartAsync(CancellationToken.None);
        lifetime.Start();
        await store.TimesEntered.Task.WaitAsync(TimeSpan.FromSeconds(30));

        var stopping = warmUp.StopAsync(CancellationToken.None);
        Assert.False(stopping.IsCompleted); // the read is held inside the store

        release.SetResult();
        await stopping.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(store.TimesRead.Task.IsCompleted);
    }

    [Fact]
    public async Task The_answers_after_the_warm_up_are_the_answers_without_it()
    {
        using var warmed = new OfficeWorld(departments: 60);
        using var cold = new OfficeWorld(departments: 60);
        foreach (var world in new[] { warmed, cold })
        {
            world.Submit(world.Week.Definition.Departments[0].Id, "report:2024-05-14", FormsWorldTime(10, 5));
            world.Submit(world.Week.Definition.Departments[3].Id, "report:2024-05-14", FormsWorldTime(10, 20));
        }
        WarmUp(warmed, warmed.Store, new StartedLifetime()).Run();
        Assert.Contains(_logs.Entries, e => e.Level == LogLevel.Information && e.Message.Contains(warmed.WeekId, StringComparison.Ordinal));

        var question = "今天谁还没报送";
        var before = Normalize(await cold.CardAsync(OfficeWorld.Staff, question));
        var after = Normalize(await warmed.CardAsync(OfficeWorld.Staff, question));
        Assert.Equal(before, after);
        Assert.Contains(warmed.Week.Definition.Departments[1].Name, after, StringComparison.Ordinal); // a real answer: one still missing
    }

    [Fact]
    public void A_store_that_fails_costs_a_warning_not_the_bot()
    {
        using var world = new OfficeWorld(departments: 5);
        var store = CountingStore.Wrap(world.Store, fail: true);
        WarmUp(world, store.AsStore, new StartedLifetime()).Run();
        Assert.Contains(_logs.Entries, e => e.Level == LogLevel.Warning && e.Exception is IOException);
    }

    private OfficeWarmUp WarmUp(OfficeWorld world, ISubmissionStore store, IHostApplicationLifetime lifetime) =>
        new(world.Get<WeekCatalog>(), new ProgressService(store, world.Clock), world.Get<MissingCard>(), lifetime,
            new Logger<OfficeWarmUp>(new LoggerFactory([_logs])));

    private static DateTimeOffset FormsWorldTime(int hour, int minute) => FormsWorld.Beijing(2024, 5, 14, hour, minute);

    private static string Normalize(JsonObject card) =>
        card.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    private sealed class StartedLifetime : IHostApplicationLifetime, IDisposable
    {
        private readonly CancellationTokenSource _started = new();
        public CancellationToken ApplicationStarted => _started.Token;
        public CancellationToken ApplicationStopping => CancellationToken.None;
        public CancellationToken ApplicationStopped => CancellationToken.None;
        public void Start() => _started.Cancel();
        public void StopApplication() { }
        public void Dispose() => _started.Dispose();
    }

    /// <summary>The real store, with every call written down (and, if asked, every read failing like a broken disk).</summary>
    public class CountingStore : DispatchProxy
    {
        private ISubmissionStore _inner = null!;
        private bool _fail;
        private Task _hold = Task.CompletedTask;
        public ConcurrentQueue<string> Calls { get; } = new();
        public TaskCompletionSource TimesRead { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource TimesEntered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public static CountingStore Wrap(ISubmissionStore inner, bool fail = false, Task? hold = null)
        {
            var proxy = Create<ISubmissionStore, CountingStore>();
            var counting = (CountingStore)(object)proxy;
            counting._inner = inner;
            counting._fail = fail;
            counting._hold = hold ?? Task.CompletedTask;
            return counting;
        }

        public ISubmissionStore AsStore => (ISubmissionStore)(object)this;

        protected override object? Invoke(MethodInfo? method, object?[]? args)
        {
            ArgumentNullException.ThrowIfNull(method);
            Calls.Enqueue($"{method.Name} {string.Join(",", args ?? [])}");
            if (_fail) throw new IOException("disk gone");
            if (method.Name == nameof(ISubmissionStore.Times))
            {
                TimesEntered.TrySetResult();
                _hold.GetAwaiter().GetResult();
            }
            var result = method.Invoke(_inner, args);
            if (method.Name == nameof(ISubmissionStore.Times)) TimesRead.TrySetResult();
            return result;
        }
    }
}
