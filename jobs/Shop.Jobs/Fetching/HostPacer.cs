using System.Collections.Concurrent;

namespace Shop.Jobs.Fetching;

/// <summary>Politeness: one request at a time per host, and at least Fetch:MinDelayPerHostMs between the end of one
/// and the start of the next (longer when the host asked for it with Retry-After).</summary>
public sealed class HostPacer(TimeProvider time)
{
    internal TimeProvider Time => time;
    private readonly ConcurrentDictionary<string, Slot> slots = new(StringComparer.OrdinalIgnoreCase);

    internal sealed class Slot
    {
        public readonly SemaphoreSlim Gate = new(1, 1);
        public DateTimeOffset NextAllowed = DateTimeOffset.MinValue;
    }

    /// <summary>Waits for the host's turn; dispose the turn when the response has been read.</summary>
    public async Task<Turn> WaitTurnAsync(string host, TimeSpan minDelay, CancellationToken ct)
    {
        var slot = slots.GetOrAdd(host, _ => new Slot());
        await slot.Gate.WaitAsync(ct);
        try
        {
            var wait = slot.NextAllowed - time.GetUtcNow();
            if (wait > TimeSpan.Zero) await Task.Delay(wait, time, ct);
        }
        catch
        {
            slot.Gate.Release();
            throw;
        }
        return new Turn(this, slot, minDelay);
    }

    public sealed class Turn : IDisposable
    {
        private readonly HostPacer pacer;
        private readonly Slot slot;
        private TimeSpan delayAfter;
        private bool released;

        internal Turn(HostPacer pacer, Slot slot, TimeSpan minDelay)
        {
            this.pacer = pacer;
            this.slot = slot;
            delayAfter = minDelay;
        }

        /// <summary>The host said when to come back (Retry-After): nobody asks it before then.</summary>
        public void BackOff(TimeSpan wait)
        {
            if (wait > delayAfter) delayAfter = wait;
        }

        public void Dispose()
        {
            if (released) return;
            released = true;
            slot.NextAllowed = pacer.Time.GetUtcNow() + delayAfter;
            slot.Gate.Release();
        }
    }
}
