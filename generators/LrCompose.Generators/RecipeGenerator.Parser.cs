using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using LrCompose.Core;
using LrCompose.Generators.Model;
using LrCompose.Validation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace LrCompose.Generators
{
    public sealed partial class RecipeGenerator
    {
    /// <summary>
    /// Turns a <c>[CompiledSchedule]</c> member into a <see cref="RecipeSpec"/>: reads its recipe through the semantic
    /// model (<see cref="IOperation"/>), looks each call up in the shared <see cref="Vocabulary"/>, folds every argument
    /// to a constant, validates it with the library's own <see cref="ConstructorRules"/>, and builds the recipes from the
    /// shared <see cref="RecipeDefinitions"/>, mirroring the runtime's structure (fusion, flattening, leads).
    /// </summary>
    private static class Parser
    {
        public static Result<RecipeSpec> Parse(GeneratorAttributeSyntaxContext context, CancellationToken ct)
        {
            var symbol = context.TargetSymbol;
            var errors = new List<DiagnosticInfo>();
            var location = LocationInfo.From(symbol.Locations.FirstOrDefault() ?? Location.None);

            if (!symbol.IsStatic)
                errors.Add(Diagnostic(DiagnosticDescriptors.NotStatic, location, symbol.Name));

            var containing = new List<string>();
            for (var type = symbol.ContainingType; type is not null; type = type.ContainingType)
            {
                bool partial = type.DeclaringSyntaxReferences.Any(r =>
                    r.GetSyntax(ct) is TypeDeclarationSyntax t && t.Modifiers.Any(SyntaxKind.PartialKeyword));
                if (!partial)
                    errors.Add(Diagnostic(DiagnosticDescriptors.NotPartial, LocationInfo.From(type.Locations.FirstOrDefault() ?? Location.None), type.Name));
                containing.Insert(0, Declaration(type));
            }

            ExpressionSyntax? body = context.TargetNode switch
            {
                PropertyDeclarationSyntax { ExpressionBody: { } arrow } => arrow.Expression,
                PropertyDeclarationSyntax { AccessorList: { } accessors } =>
                    accessors.Accessors.FirstOrDefault(a => a.IsKind(SyntaxKind.GetAccessorDeclaration))?.ExpressionBody?.Expression,
                VariableDeclaratorSyntax { Initializer: { } init } => init.Value,
                _ => null,
            };
            // C# has no operation for parentheses: a recipe written (a >> b) is read as a >> b.
            while (body is ParenthesizedExpressionSyntax parenthesized) body = parenthesized.Expression;
            var memberType = symbol switch { IPropertySymbol p => p.Type, IFieldSymbol f => f.Type, _ => null };
            if (body is null || memberType?.ToDisplayString() != "LrCompose.Schedule")
                errors.Add(Diagnostic(DiagnosticDescriptors.NoRecipe, location, symbol.Name));

            if (errors.Count > 0) return new Result<RecipeSpec>(null, errors.ToEquatableArray());

            string structName = context.Attributes[0].ConstructorArguments.FirstOrDefault().Value as string ?? symbol.Name + "Schedule";
            string? ns = symbol.ContainingNamespace.IsGlobalNamespace ? null : symbol.ContainingNamespace.ToDisplayString();
            string typeName = symbol.ContainingType!.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
            string accessibility = symbol.DeclaredAccessibility == Accessibility.Public ? "public" : "internal";

            NodeSpec? root = null;
            string? fallback = null;
            try
            {
                var operation = context.SemanticModel.GetOperation(body!, ct);
                var built = new Builder(errors).Build(operation, body!);
                root = built as NodeSpec ?? throw new NotFlattenable(body!, "a warmup or hold that leads into nothing", DiagnosticDescriptors.NotFlattened);
            }
            catch (NotFlattenable e)
            {
                errors.Add(Diagnostic(e.Descriptor, LocationInfo.From(e.Syntax), e.What, symbol.Name));
                fallback = e.What;
            }
            catch (InvalidRecipe)
            {
                // Already reported at the offending argument; the runtime would throw, so emit nothing.
                return new Result<RecipeSpec>(null, errors.ToEquatableArray());
            }

            // The recipe as written, on one line: what the struct was compiled from, for whoever reads the generated file.
            string recipe = string.Join(" ", body!.ToString().Split(new[] { ' ', '\t', '\r', '\n' }, StringSplitOptions.RemoveEmptyEntries));
            var spec = new RecipeSpec(ns, containing.ToEquatableArray(), typeName, symbol.Name, structName, accessibility, root, fallback, recipe);
            return new Result<RecipeSpec>(spec, errors.ToEquatableArray());
        }

        private static string Declaration(INamedTypeSymbol type)
        {
            string keyword = type.IsRecord ? (type.TypeKind == TypeKind.Struct ? "record struct" : "record")
                : type.TypeKind == TypeKind.Struct ? "struct" : type.TypeKind == TypeKind.Interface ? "interface" : "class";
            string typeParameters = type.TypeParameters.Length == 0 ? "" : "<" + string.Join(", ", type.TypeParameters.Select(t => t.Name)) + ">";
            return (type.IsStatic ? "static " : "") + "partial " + keyword + " " + type.Name + typeParameters;
        }

        private static DiagnosticInfo Diagnostic(DiagnosticDescriptor descriptor, LocationInfo? location, params string[] args) =>
            new(descriptor.Id, location, args.ToEquatableArray());

        /// <summary>The recipe cannot become constants; the struct will wrap the runtime schedule.</summary>
        private sealed class NotFlattenable(SyntaxNode syntax, string what, DiagnosticDescriptor descriptor) : Exception(what)
        {
            public SyntaxNode Syntax { get; } = syntax;
            public string What { get; } = what;
            public DiagnosticDescriptor Descriptor { get; } = descriptor;
        }

        /// <summary>A rule was broken; the diagnostic is already recorded.</summary>
        private sealed class InvalidRecipe : Exception;

        /// <summary>A rate with its momentum (the runtime's <c>RateAndMomentum</c>).</summary>
        private sealed class Pair(NodeSpec rate, NodeSpec momentum)
        {
            public NodeSpec Rate { get; } = rate;
            public NodeSpec Momentum { get; } = momentum;
        }

        /// <summary>A pending warmup or hold, waiting for the phase it leads into (as the runtime's <c>Lead</c>).</summary>
        private sealed class Lead(NodeSpec? before, List<NodeSpec> parts)
        {
            public NodeSpec? Before { get; } = before;
            public List<NodeSpec> Parts { get; } = parts;
        }

        private sealed class Builder(List<DiagnosticInfo> errors)
        {
            public object Build(IOperation? operation, SyntaxNode syntax)
            {
                switch (operation)
                {
                    case null:
                        throw new NotFlattenable(syntax, syntax.ToString(), DiagnosticDescriptors.UnknownCall);
                    case IConversionOperation conversion:
                        return Build(conversion.Operand, conversion.Operand.Syntax);
                    case IParenthesizedOperation parenthesized:
                        return Build(parenthesized.Operand, parenthesized.Operand.Syntax);
                    case IBinaryOperation { OperatorMethod: { } method } binary when IsLrCompose(method.ContainingType):
                        return Binary(binary, method);
                    case IInvocationOperation invocation:
                        return Invoke(invocation);
                    case IPropertyReferenceOperation { Property.Name: "LearningRate" or "Momentum", Instance: { } pairOf } property
                        when property.Property.ContainingType.Name == "RateAndMomentum" && IsLrCompose(property.Property.ContainingType):
                        return Build(pairOf, pairOf.Syntax) is Pair pair
                            ? (property.Property.Name == "LearningRate" ? pair.Rate : pair.Momentum)
                            : throw new NotFlattenable(property.Syntax, property.Syntax.ToString(), DiagnosticDescriptors.NotFlattened);
                    default:
                        throw new NotFlattenable(operation.Syntax, operation.Syntax.ToString(), DiagnosticDescriptors.UnknownCall);
                }
            }

            private object Binary(IBinaryOperation binary, IMethodSymbol method)
            {
                if (method.Name == "op_RightShift")
                    return Then(Build(binary.LeftOperand, binary.LeftOperand.Syntax), Build(binary.RightOperand, binary.RightOperand.Syntax), binary.Syntax, binary.RightOperand.Syntax);
                if (method.Name == "op_Multiply")
                {
                    var (schedule, factor) = binary.LeftOperand.Type?.SpecialType == SpecialType.System_Double
                        ? (binary.RightOperand, binary.LeftOperand) : (binary.LeftOperand, binary.RightOperand);
                    if (factor.Type?.SpecialType == SpecialType.System_Double)
                        return Scale(AsNode(Build(schedule, schedule.Syntax), schedule.Syntax), Constant<double>(factor), factor.Syntax);
                }
                throw new NotFlattenable(binary.Syntax, binary.Syntax.ToString(), DiagnosticDescriptors.NotFlattened);
            }

            private object Invoke(IInvocationOperation call)
            {
                var method = call.TargetMethod;
                if (!IsLrCompose(method.ContainingType))
                    throw new NotFlattenable(call.Syntax, method.ContainingType.Name + "." + method.Name, DiagnosticDescriptors.UnknownCall);
                var a = new Args(call);
                string owner = method.ContainingType.Name;
                string name = method.Name;
                var syntax = call.Syntax;
                if (name == "Then" && owner is "Schedule" or "Lead")
                    return Then(Build(call.Instance, call.Instance!.Syntax), Build(call.Arguments[0].Value, call.Arguments[0].Value.Syntax), syntax, call.Arguments[0].Syntax);
                var recipes = new NodeRecipeBuilder(this, a, syntax);
                switch (Vocabulary.ByMember(owner, name)?.Kind)
                {
                    case ScheduleKind.Constant:
                        Check(ConstructorRules.Constant(a.D("value")), a);
                        return NodeSpec.Make(ScheduleKind.Constant, new[] { a.D("value") }, Array.Empty<long>(), null);
                    case ScheduleKind.Linear:
                        Check(ConstructorRules.Linear(a.L("steps"), a.D("from"), a.D("to")), a);
                        return Finite(ScheduleKind.Linear, a.L("steps"), a.D("from"), a.D("to"));
                    case ScheduleKind.Cosine:
                        Check(ConstructorRules.Cosine(a.L("steps"), a.D("peak"), a.D("floor"), a.D("exponent"), a.D("kDecay")), a);
                        return Finite(ScheduleKind.Cosine, a.L("steps"), a.D("peak"), a.D("floor"), a.D("exponent"), a.D("kDecay"));
                    case ScheduleKind.Polynomial:
                        Check(ConstructorRules.Polynomial(a.L("steps"), a.D("from"), a.D("to"), a.D("power"), a.D("kDecay")), a);
                        return Finite(ScheduleKind.Polynomial, a.L("steps"), a.D("from"), a.D("to"), a.D("power"), a.D("kDecay"));
                    case ScheduleKind.Exponential:
                    {
                        double? end = a.NullableD("end");
                        Check(ConstructorRules.Exponential(a.D("from"), a.D("rate"), a.L("every"), a.L("begin"), end), a);
                        return NodeSpec.Make(ScheduleKind.Exponential, new[] { a.D("from"), a.D("rate"), end ?? 0 }, new[] { a.L("every"), a.L("begin") }, null)
                            with { Staircase = a.B("staircase"), Clamped = end.HasValue };
                    }
                    case ScheduleKind.StepDecay:
                        Check(ConstructorRules.StepDecay(a.D("from"), a.D("gamma"), a.L("every")), a);
                        return NodeSpec.Make(ScheduleKind.StepDecay, new[] { a.D("from"), a.D("gamma") }, new[] { a.L("every") }, null);
                    case ScheduleKind.MultiStep:
                    {
                        long[] milestones = a.Longs("milestones");
                        Check(ConstructorRules.MultiStep(a.D("from"), a.D("gamma"), milestones), a);
                        return NodeSpec.Make(ScheduleKind.MultiStep, new[] { a.D("from"), a.D("gamma") }, milestones, null);
                    }
                    case ScheduleKind.InverseSqrt:
                        Check(ConstructorRules.InverseSqrt(a.D("peak"), a.L("timescale")), a);
                        return recipes.InverseSqrt(a.D("peak"), a.L("timescale"));
                    case ScheduleKind.Tanh:
                        Check(ConstructorRules.Tanh(a.L("steps"), a.D("from"), a.D("to"), a.D("lb"), a.D("ub")), a);
                        return Finite(ScheduleKind.Tanh, a.L("steps"), a.D("from"), a.D("to"), a.D("lb"), a.D("ub"));
                    case ScheduleKind.OneMinusSqrt:
                        Check(ConstructorRules.OneMinusSqrt(a.L("steps"), a.D("from"), a.D("to")), a);
                        return Finite(ScheduleKind.OneMinusSqrt, a.L("steps"), a.D("from"), a.D("to"));
                    case ScheduleKind.InverseTime:
                        Check(ConstructorRules.InverseTime(a.D("from"), a.D("rate"), a.L("every")), a);
                        return NodeSpec.Make(ScheduleKind.InverseTime, new[] { a.D("from"), a.D("rate") }, new[] { a.L("every") }, null)
                            with { Staircase = a.B("staircase") };
                    case ScheduleKind.Sum:
                    {
                        var left = AsNode(Build(a.Value("a"), a.Value("a")!.Syntax), a.Value("a")!.Syntax);
                        var right = AsNode(Build(a.Value("b"), a.Value("b")!.Syntax), a.Value("b")!.Syntax);
                        // The runtime names the second schedule by its recipe text, the generator by its C# source.
                        Check(ConstructorRules.SumMaximum(a.Value("b")!.Syntax.ToString(), NodeValues.Bounds(left).Max, NodeValues.Bounds(right).Max), a);
                        long? length = left.Length.HasValue && right.Length.HasValue ? Math.Max(left.Length.Value, right.Length.Value) : null;
                        return NodeSpec.Make(ScheduleKind.Sum, Array.Empty<double>(), Array.Empty<long>(), length, left, right);
                    }
                    case ScheduleKind.PowerLaw:
                        Check(ConstructorRules.PowerLaw(a.D("peak"), a.D("knee"), a.D("exponent"), a.L("start")), a);
                        return NodeSpec.Make(ScheduleKind.PowerLaw, new[] { a.D("peak"), a.D("knee"), a.D("exponent") }, new[] { a.L("start") }, null);
                    case ScheduleKind.Warmup:
                    {
                        var shape = a.Option<WarmupShape>("shape");
                        Check(ConstructorRules.Warmup(a.L("steps"), a.D("from"), shape == WarmupShape.Exponential), a);
                        return new Lead(null, new List<NodeSpec> { WarmupNode(a.L("steps"), a.D("from"), shape, a.Option<WarmupCount>("count")) });
                    }
                    case ScheduleKind.Hold:
                        Check(ConstructorRules.Hold(a.L("steps")), a);
                        return recipes.Hold(a.L("steps"));
                    case ScheduleKind.Sequence:
                    {
                        var phases = a.Elements("phases").Select(p => AsNode(Build(p, p.Syntax), p.Syntax)).ToList();
                        Check(ConstructorRules.Sequence(phases.Count), a);
                        return phases.Count == 1 ? phases[0] : Sequence(phases, syntax);
                    }
                    case ScheduleKind.Join:
                    {
                        long[] boundaries = a.Longs("boundaries");
                        var parts = a.Elements("schedules").Select(p => AsNode(Build(p, p.Syntax), p.Syntax)).ToArray();
                        Check(ConstructorRules.Join(parts.Length, boundaries), a);
                        var starts = new long[parts.Length];
                        Array.Copy(boundaries, 0, starts, 1, boundaries.Length);
                        Check(ConstructorRules.JoinLength(boundaries, parts[parts.Length - 1].Length, out long? length), a);
                        return NodeSpec.Make(ScheduleKind.Join, Array.Empty<double>(), starts, length, parts);
                    }
                    case ScheduleKind.Scale when method.Parameters[0].Type.SpecialType == SpecialType.System_Double:
                        return Scale(Instance(call), a.D("factor"), a.Syntax("factor"));
                    case ScheduleKind.Shift:
                        return Shift(Instance(call), a.L("steps"), a.Syntax("steps"));
                    case ScheduleKind.Stretch:
                        return Stretch(Instance(call), a.D("factor"), a.Syntax("factor"), a);
                    case ScheduleKind.Take:
                        Check(ConstructorRules.Take(a.L("steps")), a);
                        return NodeSpec.Make(ScheduleKind.Take, Array.Empty<double>(), new[] { a.L("steps") }, a.L("steps"), Instance(call));
                    case ScheduleKind.Clamp:
                    {
                        Check(ConstructorRules.Clamp(a.D("low"), a.D("high")), a);
                        var inner = Instance(call);
                        return NodeSpec.Make(ScheduleKind.Clamp, new[] { a.D("low"), a.D("high") }, Array.Empty<long>(), inner.Length, inner).WithSpan(inner.Span);
                    }
                    case ScheduleKind.PerEpoch:
                    {
                        Check(ConstructorRules.PerEpoch(a.L("stepsPerEpoch")), a);
                        var inner = Instance(call);
                        Check(ConstructorRules.PerEpochLength(a.L("stepsPerEpoch"), inner.Length, out long? length), a);
                        return NodeSpec.Make(ScheduleKind.PerEpoch, Array.Empty<double>(), new[] { a.L("stepsPerEpoch") }, length, inner);
                    }
                    case ScheduleKind.DecayAt:
                    {
                        var inner = Instance(call);
                        long at = a.L("at"), length = a.L("length");
                        Check(ConstructorRules.DecayAt(at, length, a.D("to"), inner.Length), a);
                        return NodeSpec.Make(ScheduleKind.DecayAt, new[] { a.D("to") }, new[] { at, length }, at + length, inner)
                            with { DecayShape = a.Option<DecayShape>("shape") };
                    }
                    case ScheduleKind.Retarget:
                    {
                        var inner = Instance(call);
                        if (!inner.Length.HasValue) throw NeverEnds(inner, UnendingUse.Retargeted, syntax);
                        long at = a.L("at"), total = a.L("total");
                        Check(ConstructorRules.Retarget(at, total, inner.Length.Value), a);
                        return NodeSpec.Make(ScheduleKind.Retarget, new[] { inner.Span }, new[] { at, total }, total, inner);
                    }
                    case ScheduleKind.Staircase:
                    {
                        var inner = Instance(call);
                        long? span = a.NullableL("span") ?? inner.Length;
                        if (!span.HasValue) throw NeverEnds(inner, UnendingUse.Staircased, syntax);
                        Check(ConstructorRules.Staircase(a.L("stairs"), span.Value), a);
                        return NodeSpec.Make(ScheduleKind.Staircase, Array.Empty<double>(), new[] { span.Value, a.L("stairs") }, inner.Length, inner)
                            .WithSpan(inner.Span) with { StairSample = a.Option<StairSample>("sample") };
                    }
                    case ScheduleKind.Cycle:
                        return recipes.Cycle(Instance(call), a.D("multiplier"), a.D("decay"), a.NullableI("limit"));
                    case ScheduleKind.Triangular:
                    {
                        long up = a.L("up");
                        long? down = a.NullableL("down");
                        Check(ConstructorRules.Triangular(a.D("low"), a.D("high"), up, down, a.D("gamma")), a);
                        return NodeSpec.Make(ScheduleKind.Triangular, new[] { a.D("low"), a.D("high"), a.D("gamma") }, new[] { up, down ?? up }, null)
                            with { TriangularMode = a.Option<TriangularMode>("mode") };
                    }
                    case ScheduleKind.Mirror:
                        return recipes.Mirror(Instance(call), a.D("low"), a.D("high"));
                    case ScheduleKind.PiecewiseConstant:
                    {
                        double[] values = a.Elements("values").Select(e => Constant<double>(e)).ToArray();
                        long[] boundaries = a.Longs("boundaries");
                        Check(ConstructorRules.PiecewiseConstant(values, boundaries), a);
                        return NodeSpec.Make(ScheduleKind.PiecewiseConstant, values, boundaries, null);
                    }
                    case ScheduleKind.Interpolate:
                    {
                        var knots = a.Elements("knots").Select(Knot).ToArray();
                        Check(ConstructorRules.Interpolate(knots.Select(k => k.At).ToArray(), knots.Select(k => k.Value).ToArray()), a);
                        Check(ConstructorRules.InterpolateLength(knots[knots.Length - 1].At, out long length), a);
                        return NodeSpec.Make(ScheduleKind.Interpolate, knots.SelectMany(k => new[] { k.At, k.Value }).ToArray(), Array.Empty<long>(), length)
                            with { Interpolation = a.Option<Interpolation>("kind") };
                    }
                    case ScheduleKind.Min:
                    case ScheduleKind.Max:
                    {
                        var left = AsNode(Build(a.Value("a"), a.Value("a")!.Syntax), a.Value("a")!.Syntax);
                        var right = AsNode(Build(a.Value("b"), a.Value("b")!.Syntax), a.Value("b")!.Syntax);
                        long? length = left.Length.HasValue && right.Length.HasValue ? Math.Max(left.Length.Value, right.Length.Value) : null;
                        return NodeSpec.Make(name == "Max" ? ScheduleKind.Max : ScheduleKind.Min, Array.Empty<double>(), Array.Empty<long>(), length, left, right);
                    }
                    case ScheduleKind.WarmupCosine:
                        return RecipeDefinitions.WarmupCosine(recipes, a.D("peak"), a.L("warmupSteps"), a.L("totalSteps"), a.D("floor"), a.Option<WarmupCount>("count"));
                    case ScheduleKind.Noam:
                        return RecipeDefinitions.Noam(recipes, a.I("dModel"), a.L("warmupSteps"), a.D("factor"));
                    case ScheduleKind.Sgdr:
                        return RecipeDefinitions.Sgdr(recipes, a.D("peak"), a.L("period"), a.D("floor"), a.D("multiplier"), a.D("decay"), a.NullableI("limit"));
                    case ScheduleKind.OneCycle:
                    {
                        var (rate, momentum) = RecipeDefinitions.OneCycle(recipes, a.D("maxRate"), a.L("totalSteps"), a.D("pctStart"), a.D("divFactor"),
                            a.D("finalDivFactor"), a.Option<Anneal>("anneal"), a.B("threePhase"), a.D("baseMomentum"), a.D("maxMomentum"));
                        return new Pair(rate, momentum);
                    }
                    case ScheduleKind.WarmupStableDecay:
                        return RecipeDefinitions.WarmupStableDecay(recipes, a.D("peak"), a.L("warmupSteps"), a.L("stableSteps"), a.L("decaySteps"),
                            a.D("floor"), a.Option<DecayShape>("decay"));
                    default:
                        ValidateUnflattened(call, owner, name, a);
                        throw new NotFlattenable(syntax, owner + "." + name, DiagnosticDescriptors.NotFlattened);
                }
            }

            private static NodeSpec Finite(ScheduleKind kind, long steps, params double[] numbers) =>
                NodeSpec.Make(kind, numbers, new[] { steps }, steps);

            /// <summary>A warmup before it knows its target (Numbers[1] is filled in when the lead resolves).</summary>
            private static NodeSpec WarmupNode(long steps, double from, WarmupShape shape, WarmupCount count) =>
                Finite(ScheduleKind.Warmup, steps, from, 0) with { WarmupShape = shape, WarmupCount = count };

            /// <summary>The shared recipes, built from this model; a broken rule is reported at the call's argument.</summary>
            private sealed class NodeRecipeBuilder(Builder owner, Args a, SyntaxNode syntax) : IRecipeBuilder<NodeSpec, Lead>
            {
                public void Require(Violation? violation) => owner.Check(violation, a);
                public NodeSpec Linear(long steps, double from, double to) =>
                    Checked(ConstructorRules.Linear(steps, from, to), Finite(ScheduleKind.Linear, steps, from, to));
                public NodeSpec Cosine(long steps, double peak, double floor) =>
                    Checked(ConstructorRules.Cosine(steps, peak, floor, 1, 1), Finite(ScheduleKind.Cosine, steps, peak, floor, 1.0, 1.0));
                public NodeSpec OneMinusSqrt(long steps, double from, double to) =>
                    Checked(ConstructorRules.OneMinusSqrt(steps, from, to), Finite(ScheduleKind.OneMinusSqrt, steps, from, to));
                public NodeSpec InverseSqrt(double peak, long timescale) =>
                    Checked(ConstructorRules.InverseSqrt(peak, timescale), NodeSpec.Make(ScheduleKind.InverseSqrt, new[] { peak }, new[] { timescale }, null));
                public Lead Warmup(long steps, WarmupCount count)
                {
                    Require(ConstructorRules.Warmup(steps, 0, false));
                    return new Lead(null, new List<NodeSpec> { WarmupNode(steps, 0, WarmupShape.Linear, count) });
                }
                public Lead Hold(long steps)
                {
                    Require(ConstructorRules.Hold(steps));
                    return new Lead(null, new List<NodeSpec> { Finite(ScheduleKind.Hold, steps, 0.0) });
                }
                public Lead Then(Lead lead, Lead more) => (Lead)owner.Then(lead, more, syntax);
                public NodeSpec Then(Lead lead, NodeSpec next) => (NodeSpec)owner.Then(lead, next, syntax);
                public NodeSpec Sequence(NodeSpec[] phases) => owner.Sequence(phases.ToList(), syntax);
                public NodeSpec Cycle(NodeSpec schedule, double multiplier, double decay, int? limit) => owner.Cycle(schedule, multiplier, decay, limit, a, syntax);
                public NodeSpec Mirror(NodeSpec schedule, double low, double high)
                {
                    Require(ConstructorRules.Mirror(low, high));
                    return NodeSpec.Make(ScheduleKind.Mirror, new[] { low, high }, Array.Empty<long>(), schedule.Length, schedule).WithSpan(schedule.Span);
                }

                public NodeSpec Cooldown(long steps, double from, double to, DecayShape shape)
                {
                    Require(ConstructorRules.Constant(from));
                    Require(ConstructorRules.DecayAt(0, steps, to, null));
                    var constant = NodeSpec.Make(ScheduleKind.Constant, new[] { from }, Array.Empty<long>(), null);
                    return NodeSpec.Make(ScheduleKind.DecayAt, new[] { to }, new[] { 0L, steps }, steps, constant) with { DecayShape = shape };
                }

                private NodeSpec Checked(Violation? violation, NodeSpec node)
                {
                    Require(violation);
                    return node;
                }
            }

            /// <summary>
            /// A call that cannot be flattened still gets the runtime's checks: its constant arguments against the shared
            /// rules, and the schedules it is given (receiver and arguments) built as far as they go.
            /// </summary>
            private void ValidateUnflattened(IInvocationOperation call, string owner, string name, Args a)
            {
                try
                {
                    switch (owner, name)
                    {
                        case ("Schedules", "InverseTime"):
                            Check(ConstructorRules.InverseTime(a.D("from"), a.D("rate"), a.L("every")), a);
                            break;
                    }
                }
                catch (NotFlattenable)
                {
                    // A non-constant argument: nothing to check at compile time.
                }
                var parts = call.Arguments.Select(arg => arg.Value).Where(v => v.Type?.Name is "Schedule" or "Lead");
                if (call.Instance is { } instance) parts = parts.Prepend(instance);
                foreach (var part in parts)
                {
                    try { Build(part, part.Syntax); }
                    catch (NotFlattenable) { }
                }
            }

            /// <summary>A <c>new Knot(at, value)</c> with constant arguments.</summary>
            private static (double At, double Value) Knot(IOperation element)
            {
                var creation = (element is IConversionOperation c ? c.Operand : element) as IObjectCreationOperation
                               ?? throw new NotFlattenable(element.Syntax, element.Syntax.ToString(), DiagnosticDescriptors.NotConstant);
                return (Constant<double>(creation.Arguments[0].Value), Constant<double>(creation.Arguments[1].Value));
            }

            private NodeSpec Instance(IInvocationOperation call) => AsNode(Build(call.Instance, call.Instance!.Syntax), call.Instance.Syntax);

            private static NodeSpec AsNode(object built, SyntaxNode syntax) =>
                built as NodeSpec ?? throw new NotFlattenable(syntax, "a warmup or hold that leads into nothing", DiagnosticDescriptors.NotFlattened);

            /// <summary>The runtime's Then over schedules and leads, including lead resolution.</summary>
            /// <param name="syntax">The whole call, where a phase that never ends is reported.</param>
            /// <param name="nextSyntax">The argument that follows, where a rule about it (its start, the value a warmup
            /// ramps into) is reported; the call when there is no separate argument.</param>
            private object Then(object first, object next, SyntaxNode syntax, SyntaxNode? nextSyntax = null)
            {
                var at = nextSyntax ?? syntax;
                switch (first, next)
                {
                    case (NodeSpec a, NodeSpec b):
                        return Sequence(new List<NodeSpec> { a, b }, syntax, at);
                    case (NodeSpec a, Lead b):
                        return new Lead(b.Before is null ? a : Sequence(new List<NodeSpec> { a, b.Before }, syntax, at), b.Parts);
                    case (Lead a, Lead b):
                        if (ConstructorRules.LeadThenLead(b.Before is not null) is { } broken) Report(broken, at);
                        return new Lead(a.Before, a.Parts.Concat(b.Parts).ToList());
                    case (Lead a, NodeSpec b):
                    {
                        var tail = Sequence(Resolve(a.Parts, b, at), syntax, at);
                        return a.Before is null ? tail : Sequence(new List<NodeSpec> { a.Before, tail }, syntax, at);
                    }
                    default:
                        throw new NotFlattenable(syntax, syntax.ToString(), DiagnosticDescriptors.NotFlattened);
                }
            }

            /// <summary>
            /// As the runtime's <c>Lead.Then</c>: backwards from <paramref name="next"/>, each warmup or hold learns the
            /// value it leads into (the start of what follows it), checked by the shared rule.
            /// </summary>
            private List<NodeSpec> Resolve(List<NodeSpec> parts, NodeSpec next, SyntaxNode syntax)
            {
                var resolved = new NodeSpec[parts.Count + 1];
                resolved[parts.Count] = next;
                double target = NodeValues.At(next, 0);
                for (int i = parts.Count - 1; i >= 0; i--)
                {
                    var part = parts[i];
                    if (part.Kind == ScheduleKind.Warmup)
                    {
                        if (ConstructorRules.WarmupTarget(target, part.WarmupShape) is { } broken) Report(broken, syntax);
                        resolved[i] = part with { Numbers = new[] { part.N(0), target }.ToEquatableArray() };
                    }
                    else resolved[i] = part with { Numbers = new[] { target }.ToEquatableArray() };
                    target = NodeValues.At(resolved[i], 0);
                }
                return resolved.ToList();
            }

            /// <summary>The runtime's flat sequence: nested sequences are spliced; every phase but the last must end,
            /// and every start must stay within long.MaxValue (the shared rule).</summary>
            private NodeSpec Sequence(List<NodeSpec> parts, SyntaxNode syntax, SyntaxNode? nextSyntax = null)
            {
                var phases = new List<NodeSpec>();
                foreach (var part in parts)
                {
                    if (part.Kind == ScheduleKind.Sequence) phases.AddRange(part.Children);
                    else phases.Add(part);
                }
                for (int i = 0; i < phases.Count - 1; i++)
                {
                    if (!phases[i].Length.HasValue) throw NeverEnds(phases[i], UnendingUse.Followed, syntax);
                }
                var starts = new long[phases.Count];
                if (ConstructorRules.PhaseStarts(phases.Select(p => p.Length).ToArray(), starts, out long? length) is { } tooLong) Report(tooLong, nextSyntax ?? syntax);
                return new NodeSpec(ScheduleKind.Sequence, EquatableArray<double>.Empty, starts.ToEquatableArray(), phases.ToEquatableArray(), length,
                    length.HasValue ? length.Value : double.PositiveInfinity);
            }

            private NodeSpec Scale(NodeSpec inner, double factor, SyntaxNode syntax)
            {
                if (ConstructorRules.Scale(factor) is { } broken) Report(broken, syntax);
                return Fusion.Scale(ModelFusion.Instance, inner, factor, v => Report(v, syntax));
            }

            private NodeSpec Shift(NodeSpec inner, long steps, SyntaxNode syntax)
            {
                return Fusion.Shift(ModelFusion.Instance, inner, steps, v => Report(v, syntax));
            }

            private NodeSpec Stretch(NodeSpec inner, double factor, SyntaxNode syntax, Args a)
            {
                Check(ConstructorRules.Stretch(factor), a);
                return Fusion.Stretch(ModelFusion.Instance, inner, factor, v => Report(v, syntax));
            }

            private NodeSpec Cycle(NodeSpec inner, double multiplier, double decay, long? limit, Args a, SyntaxNode syntax)
            {
                if (!inner.Length.HasValue) throw NeverEnds(inner, UnendingUse.Cycled, syntax);
                Check(ConstructorRules.Cycle(multiplier, decay, limit), a);
                double period = inner.Span;
                Check(ConstructorRules.CycleLength(period, multiplier, limit, out long? length), a);
                return NodeSpec.Make(ScheduleKind.Cycle, new[] { multiplier, decay, period }, new[] { limit ?? -1 }, length, inner);
            }

            /// <summary>Records LRC012 at <paramref name="syntax"/>, in the shared words for <paramref name="use"/>; the
            /// caller throws what it returns.</summary>
            private InvalidRecipe NeverEnds(NodeSpec unending, UnendingUse use, SyntaxNode syntax)
            {
                string message = ConstructorRules.NeverEnds("'" + Vocabulary.Of(unending.Kind).Text + "'", use);
                errors.Add(new DiagnosticInfo(DiagnosticDescriptors.NeverEnds.Id, LocationInfo.From(syntax), new[] { message }.ToEquatableArray()));
                return new InvalidRecipe();
            }

            private void Check(Violation? violation, Args a)
            {
                if (violation is not null) Report(violation, a.Syntax(violation.Parameter));
            }

            private void Report(Violation violation, SyntaxNode syntax)
            {
                var descriptor = violation.Rule == Rules.WarmupLongerThanRunRule ? DiagnosticDescriptors.WarmupLongerThanRun : DiagnosticDescriptors.InvalidParameter;
                errors.Add(new DiagnosticInfo(descriptor.Id, LocationInfo.From(syntax), new[] { violation.Message }.ToEquatableArray()));
                throw new InvalidRecipe();
            }

            private static bool IsLrCompose(INamedTypeSymbol? type) => type?.ContainingNamespace?.ToDisplayString() == "LrCompose";

            private static T Constant<T>(IOperation value)
            {
                var constant = value.ConstantValue;
                if (!constant.HasValue) throw new NotFlattenable(value.Syntax, value.Syntax.ToString(), DiagnosticDescriptors.NotConstant);
                return (T)Convert.ChangeType(constant.Value, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
            }

            /// <summary>An invocation's arguments by parameter name, defaults included, each folded to a constant.</summary>
            private sealed class Args(IInvocationOperation call)
            {
                private IArgumentOperation? Find(string name) => call.Arguments.FirstOrDefault(a => a.Parameter?.Name == name);

                public IOperation? Value(string name) => Find(name)?.Value;

                /// <summary>Where to point for a parameter: its argument, the first element of a params list, or the call.</summary>
                public SyntaxNode Syntax(string name) => Find(name) switch
                {
                    { ArgumentKind: ArgumentKind.ParamArray, Value: IArrayCreationOperation { Initializer.ElementValues: { Length: > 0 } elements } } => elements[0].Syntax,
                    { ArgumentKind: ArgumentKind.ParamArray } => call.Syntax,
                    { ArgumentKind: not ArgumentKind.DefaultValue } arg => arg.Syntax,
                    _ => call.Syntax,
                };

                public double D(string name) => Convert.ToDouble(Constant(name), System.Globalization.CultureInfo.InvariantCulture);
                public long L(string name) => Convert.ToInt64(Constant(name), System.Globalization.CultureInfo.InvariantCulture);
                public int I(string name) => Convert.ToInt32(Constant(name), System.Globalization.CultureInfo.InvariantCulture);

                /// <summary>An option of one of the shared enums; the generator compiles the same enum source as the library,
                /// so the constant means the same member on both sides.</summary>
                public T Option<T>(string name) where T : struct, Enum
                {
                    object value = Enum.ToObject(typeof(T), Constant(name)!);
                    if (!Enum.IsDefined(typeof(T), value)) throw new NotFlattenable(call.Syntax, name, DiagnosticDescriptors.NotConstant);
                    return (T)value;
                }

                public int? NullableI(string name) => Constant(name) is { } v ? Convert.ToInt32(v, System.Globalization.CultureInfo.InvariantCulture) : null;
                public bool B(string name) => Convert.ToBoolean(Constant(name), System.Globalization.CultureInfo.InvariantCulture);

                public double? NullableD(string name) => Constant(name) is { } v ? Convert.ToDouble(v, System.Globalization.CultureInfo.InvariantCulture) : null;

                public long? NullableL(string name) => Constant(name) is { } v ? Convert.ToInt64(v, System.Globalization.CultureInfo.InvariantCulture) : null;

                /// <summary>The argument's constant value; an omitted optional argument takes the parameter's declared default.</summary>
                private object? Constant(string name)
                {
                    var arg = Find(name) ?? throw new NotFlattenable(call.Syntax, name, DiagnosticDescriptors.NotFlattened);
                    if (arg.ArgumentKind == ArgumentKind.DefaultValue && arg.Parameter is { HasExplicitDefaultValue: true } parameter)
                        return parameter.ExplicitDefaultValue;
                    var value = Unwrap(arg.Value);
                    if (!value.ConstantValue.HasValue) throw new NotFlattenable(arg.Value.Syntax, arg.Value.Syntax.ToString(), DiagnosticDescriptors.NotConstant);
                    return value.ConstantValue.Value;
                }

                public IEnumerable<IOperation> Elements(string name)
                {
                    var value = Unwrap(Need(name));
                    return value switch
                    {
                        IArrayCreationOperation { Initializer: { } init } => init.ElementValues,
                        ICollectionExpressionOperation collection => collection.Elements,
                        _ => throw new NotFlattenable(value.Syntax, value.Syntax.ToString(), DiagnosticDescriptors.NotConstant),
                    };
                }

                public long[] Longs(string name) => Elements(name).Select(e => Constant<long>(e)).ToArray();

                private IOperation Need(string name) => Value(name) ?? throw new NotFlattenable(call.Syntax, name, DiagnosticDescriptors.NotFlattened);

                private static IOperation Unwrap(IOperation op) => op is IConversionOperation c && !op.ConstantValue.HasValue ? Unwrap(c.Operand) : op;
            }
        }
    }
}
}
