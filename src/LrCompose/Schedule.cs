using System.Runtime.CompilerServices;
using LrCompose.Text;

namespace LrCompose;

/// <summary>
/// A learning-rate schedule: a pure function from the 0-based training step to a rate.
/// </summary>
/// <remarks>
/// <para>A schedule is an immutable value: safe to share between threads, allocation-free to evaluate, and built
/// from the shapes and combinators in <see cref="Schedules"/>. Composition fuses while it is built (a
/// <c>Then</c> of <c>Then</c>s is one flat phase array, a <c>Scale</c> of a <c>Scale</c> one scale), so the cost of
/// evaluating does not grow with how deeply a recipe was nested.</para>
/// <para><b>Finite phases.</b> A schedule whose <see cref="Length"/> is not null is a phase of that many steps.
/// Past its end it holds its end value, <c>s(Length)</c>: a cosine from 0.1 to 0 stays at 0. This is what
/// <see cref="Then(Schedule)"/> uses to know where the next phase begins.</para>
/// <para><b>Negative steps</b> are a programming error and throw <see cref="ArgumentOutOfRangeException"/>.</para>
/// <para><b>Values.</b> Every value lies in [<see cref="Min"/>, <see cref="Max"/>], which lies in [0, 1e100]; no
/// schedule returns NaN or an infinity for any step from 0 to <see cref="long.MaxValue"/>.</para>
/// <para><see cref="ToString"/> prints the recipe in LrCompose's own notation, e.g.
/// <c>warmup 2000 >> cosine 248000 peak=0.00025 floor=2.5E-05</c>, which <c>Schedule.Parse</c> reads back.</para>
/// </remarks>
public abstract partial class Schedule : ISchedule
{
    private protected Schedule() { }

    /// <summary>The number of steps of a finite phase, or <c>null</c> for a schedule that goes on for ever.</summary>
    public abstract long? Length { get; }

    /// <summary>
    /// The exact real-valued length of a finite phase: the same as <see cref="Length"/> except for stretched phases,
    /// whose length <c>L·k</c> may fall between steps (Length rounds it up), and the value-only wrappers around them
    /// (scale, clamp, mirror) that keep it. Cycles restart on the exact span.
    /// </summary>
    internal virtual double Span => Length ?? double.PositiveInfinity;

    /// <summary>A lower bound of every value this schedule returns (tight for the built-in shapes).</summary>
    public abstract double Min { get; }

    /// <summary>An upper bound of every value this schedule returns (tight for the built-in shapes).</summary>
    public abstract double Max { get; }

    /// <summary>
    /// The value at a real-valued time <paramref name="t"/> ≥ 0, measured in steps. Shapes are functions of real
    /// time so that <c>Stretch</c> and cycles with growing periods stay exact; whole steps are what users see.
    /// </summary>
    internal abstract double At(double t);

    /// <summary>Writes this schedule in recipe notation.</summary>
    internal abstract void Write(RecipeWriter writer);

    /// <inheritdoc />
    public double Rate(long step)
    {
        // The throw lives in a helper so that this method stays small enough for the JIT to inline.
        if (step < 0) CompiledScheduleSupport.ThrowNegativeStep(step);
        return At(step);
    }

    /// <summary>The rate at <paramref name="step"/>; the same as <see cref="Rate"/>.</summary>
    public double this[long step] => Rate(step);

    /// <summary>The value at step 0.</summary>
    public double StartValue => At(0);

    /// <summary>The value this phase ends at and holds afterwards: <c>s(Length)</c>. Only for finite phases.</summary>
    /// <exception cref="InvalidOperationException">The schedule has no end.</exception>
    public double EndValue => Length is { } length
        ? At(length)
        : throw new InvalidOperationException(Validation.ConstructorRules.NeverEnds(ToString(), Validation.UnendingUse.Ended));

    /// <summary>The recipe in LrCompose notation; <c>Schedule.Parse(s.ToString())</c> evaluates identically.</summary>
    public sealed override string ToString() => RecipeWriter.Print(this);

    /// <summary>Views the schedule as a plain function of the step.</summary>
    public Func<long, double> ToFunc() => Rate;

    /// <summary>Views the schedule as a plain function of the step.</summary>
    public static implicit operator Func<long, double>(Schedule schedule) => Checked(schedule).Rate;

    /// <summary>Wraps any function of the step; each value it returns is checked to be finite and within [0, 1e100].</summary>
    /// <param name="function">The rate at a step.</param>
    /// <param name="name">How the function is printed in a recipe (<c>lambda "name"</c>); text recipes cannot rebuild it.</param>
    public static Schedule FromFunction(Func<long, double> function, string name = "function") => Schedules.FromFunction(function, name);

    /// <summary>Scales every value by a constant: <c>(s * k)(t) = k·s(t)</c>.</summary>
    public static Schedule operator *(Schedule schedule, double factor) => Checked(schedule).Scale(factor);

    /// <summary>Scales every value by a constant: <c>(k * s)(t) = k·s(t)</c>.</summary>
    public static Schedule operator *(double factor, Schedule schedule) => Checked(schedule).Scale(factor);

    /// <summary>Multiplies two schedules pointwise: <c>(a * b)(t) = a(t)·b(t)</c>.</summary>
    public static Schedule operator *(Schedule left, Schedule right) => Checked(left).Scale(Checked(right));

    /// <summary>Sequences two phases: <c>a &gt;&gt; b</c> is <c>a.Then(b)</c>.</summary>
    public static Schedule operator >>(Schedule first, Schedule next) => Checked(first).Then(Checked(next));

    /// <summary>Runs this phase, then a warmup or hold and what it leads into: <c>a &gt;&gt; Warmup(100) &gt;&gt; b</c>.</summary>
    public static Lead operator >>(Schedule first, Lead lead) => Checked(first).Then(lead);

    /// <summary>The left operand of an operator, refused when null as a method's receiver cannot be.</summary>
    private static Schedule Checked(Schedule schedule, [CallerArgumentExpression(nameof(schedule))] string? name = null)
    {
        ArgumentNullException.ThrowIfNull(schedule, name);
        return schedule;
    }

    /// <summary>Phase structure, for tools: the top-level phases and where each starts.</summary>
    public virtual IReadOnlyList<PhaseInfo> Phases => [new PhaseInfo(0, Length, this)];
}

/// <summary>One top-level phase of a schedule: where it starts, how long it lasts, and what it is.</summary>
/// <param name="Start">The global step at which the phase begins.</param>
/// <param name="Length">Its number of steps, or null for the last phase of an unbounded schedule.</param>
/// <param name="Schedule">The phase itself, evaluated in its own local steps.</param>
public sealed record PhaseInfo(long Start, long? Length, Schedule Schedule);
