// Compiled into both the LrCompose library and the LrCompose generator: the well-known recipes, written once against a
// small builder. The runtime builds them from Schedule values, the generator from its model, so a recipe cannot mean
// one thing at run time and another in a compiled struct. Keep it netstandard2.0-friendly.
using System;
using LrCompose.Validation;

namespace LrCompose.Core
{
    /// <summary>The few operations the recipes are made of. <typeparamref name="TSchedule"/> is a schedule,
    /// <typeparamref name="TLead"/> a warmup or hold waiting for what it leads into.</summary>
    internal interface IRecipeBuilder<TSchedule, TLead>
    {
        /// <summary>Stops with the broken rule (the runtime throws; the generator reports it at the argument).</summary>
        void Require(Violation? violation);

        TSchedule Linear(long steps, double from, double to);
        TSchedule Cosine(long steps, double peak, double floor);
        TSchedule OneMinusSqrt(long steps, double from, double to);
        TSchedule InverseSqrt(double peak, long timescale);
        TLead Warmup(long steps, WarmupCount count);
        TLead Hold(long steps);
        TLead Then(TLead lead, TLead more);
        TSchedule Then(TLead lead, TSchedule next);
        TSchedule Sequence(TSchedule[] phases);
        TSchedule Cycle(TSchedule schedule, double multiplier, double decay, int? limit);
        TSchedule Mirror(TSchedule schedule, double low, double high);

        /// <summary>A cooldown with no shape of its own: <c>Constant(from).DecayAt(0, steps, to, shape)</c>.</summary>
        TSchedule Cooldown(long steps, double from, double to, DecayShape shape);
    }

    /// <summary>The recipes of <c>LrCompose.Recipes</c>, each built only from shapes and combinators.</summary>
    internal static class RecipeDefinitions
    {
        public static TSchedule WarmupCosine<TSchedule, TLead>(IRecipeBuilder<TSchedule, TLead> b, double peak, long warmupSteps,
            long totalSteps, double floor, WarmupCount count)
        {
            b.Require(ConstructorRules.WarmupCosine(warmupSteps, totalSteps));
            return b.Then(b.Warmup(warmupSteps, count), b.Cosine(totalSteps - warmupSteps, peak, floor));
        }

        public static (TSchedule Rate, TSchedule Momentum) OneCycle<TSchedule, TLead>(IRecipeBuilder<TSchedule, TLead> b, double maxRate,
            long totalSteps, double pctStart, double divFactor, double finalDivFactor, Anneal anneal, bool threePhase,
            double baseMomentum, double maxMomentum)
        {
            b.Require(ConstructorRules.OneCycle(maxRate, totalSteps, pctStart, divFactor, finalDivFactor));
            b.Require(ConstructorRules.OneCyclePhases(pctStart, totalSteps, threePhase, out long up, out long rest));
            b.Require(ConstructorRules.OneCycleMomentum(baseMomentum, maxMomentum));
            double initial = maxRate / divFactor, final = initial / finalDivFactor;
            TSchedule Segment(long steps, double from, double to) =>
                anneal == Anneal.Cosine ? b.Cosine(steps, from, to) : b.Linear(steps, from, to);
            var rate = threePhase
                ? b.Sequence(new[] { Segment(up, initial, maxRate), Segment(up, maxRate, initial), Segment(rest, initial, final) })
                : b.Sequence(new[] { Segment(up, initial, maxRate), Segment(rest, maxRate, final) });
            return (rate, b.Mirror(rate, baseMomentum, maxMomentum));
        }

        public static TSchedule Sgdr<TSchedule, TLead>(IRecipeBuilder<TSchedule, TLead> b, double peak, long period, double floor,
            double multiplier, double decay, int? limit)
        {
            b.Require(ConstructorRules.Sgdr(period));
            return b.Cycle(b.Cosine(period, peak, floor), multiplier, decay, limit);
        }

        public static TSchedule WarmupStableDecay<TSchedule, TLead>(IRecipeBuilder<TSchedule, TLead> b, double peak, long warmupSteps,
            long stableSteps, long decaySteps, double floor, DecayShape decay)
        {
            b.Require(ConstructorRules.WarmupStableDecay(warmupSteps, stableSteps, decaySteps, peak, floor));
            var fall = decay == DecayShape.Cosine ? b.Cosine(decaySteps, peak, floor)
                : decay == DecayShape.OneMinusSqrt ? b.OneMinusSqrt(decaySteps, peak, floor)
                : decay == DecayShape.Linear ? b.Linear(decaySteps, peak, floor)
                : b.Cooldown(decaySteps, peak, floor, decay);
            var lead = b.Warmup(warmupSteps, WarmupCount.FromZero);
            if (stableSteps > 0) lead = b.Then(lead, b.Hold(stableSteps));
            return b.Then(lead, fall);
        }

        public static TSchedule Noam<TSchedule, TLead>(IRecipeBuilder<TSchedule, TLead> b, int dModel, long warmupSteps, double factor)
        {
            b.Require(ConstructorRules.Noam(dModel, warmupSteps, factor));
            double peak = factor / Math.Sqrt(dModel) / Math.Sqrt(warmupSteps);
            return b.Then(b.Warmup(warmupSteps, WarmupCount.FromZero), b.InverseSqrt(peak, warmupSteps));
        }
    }
}
