namespace LrCompose;

/// <summary>
/// Anything that gives a learning rate for a training step. <see cref="Schedule"/> implements it, and so do the
/// structs that the LrCompose generator emits, so generic training code written as
/// <c>where TSchedule : struct, ISchedule</c> runs either without virtual calls.
/// </summary>
public interface ISchedule
{
    /// <summary>The rate in force at <paramref name="step"/> (0-based optimizer step).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The step is negative.</exception>
    double Rate(long step);
}
