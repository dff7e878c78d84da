using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using LrCompose.Generators.Model;
using LrCompose.Validation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace LrCompose.Generators
{
    /// <summary>
    /// Turns a <c>[CompiledSchedule]</c> member into a <see cref="RecipeSpec"/>: reads its recipe through the semantic
    /// model (<see cref="IOperation"/>), folds every argument to a constant, validates it with the library's own
    /// <see cref="ConstructorRules"/>, and mirrors the runtime's structure (fusion, flattening, leads).
    /// </summary>
    internal static class RecipeParser
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

            var spec = new RecipeSpec(ns, containing.ToEquatableArray(), typeName, symbol.Name, structName, accessibility, root, fallback);
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
                    case IPropertyReferenceOperation { Property.Name: "Rate" or "Momentum", Instance: { } pairOf } property
                        when property.Property.ContainingType.Name == "RateAndMomentum" && IsLrCompose(property.Property.ContainingType):
                        return Build(pairOf, pairOf.Syntax) is Pair pair
                            ? (property.Property.Name == "Rate" ? pair.Rate : pair.Momentum)
                            : throw new NotFlattenable(property.Syntax, property.Syntax.ToString(), DiagnosticDescriptors.NotFlattened);
                    default:
                        throw new NotFlattenable(operation.Syntax, operation.Syntax.ToString(), DiagnosticDescriptors.UnknownCall);
                }
            }

            private object Binary(IBinaryOperation binary, IMethodSymbol method)
            {
                if (method.Name == "op_RightShift") return Then(Build(binary.LeftOperand, binary.LeftOperand.Syntax), Build(binary.RightOperand, binary.RightOperand.Syntax), binary.Syntax);
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
                switch (owner, name)
                {
                    case ("Schedules", "Constant"):
                        Check(ConstructorRules.Constant(a.D("value")), a);
                        return NodeSpec.Make("constant", new[] { a.D("value") }, Array.Empty<long>(), null);
                    case ("Schedules", "Linear"):
                        Check(ConstructorRules.Linear(a.L("steps"), a.D("from"), a.D("to")), a);
                        return NodeSpec.Make("linear", new[] { a.D("from"), a.D("to") }, new[] { a.L("steps") }, a.L("steps"));
                    case ("Schedules", "Cosine"):
                        Check(ConstructorRules.Cosine(a.L("steps"), a.D("peak"), a.D("floor"), a.D("exponent"), a.D("kDecay")), a);
                        return NodeSpec.Make("cosine", new[] { a.D("peak"), a.D("floor"), a.D("exponent"), a.D("kDecay") }, new[] { a.L("steps") }, a.L("steps"));
                    case ("Schedules", "Polynomial"):
                        Check(ConstructorRules.Polynomial(a.L("steps"), a.D("from"), a.D("to"), a.D("power"), a.D("kDecay")), a);
                        return NodeSpec.Make("polynomial", new[] { a.D("from"), a.D("to"), a.D("power"), a.D("kDecay") }, new[] { a.L("steps") }, a.L("steps"));
                    case ("Schedules", "Exponential"):
                    {
                        double? end = a.NullableD("end");
                        Check(ConstructorRules.Exponential(a.D("from"), a.D("rate"), a.L("every"), a.L("begin"), end), a);
                        int flags = (a.B("staircase") ? 1 : 0) | (end.HasValue ? 2 : 0);
                        return NodeSpec.Make("exponential", new[] { a.D("from"), a.D("rate"), end ?? 0 }, new[] { a.L("every"), a.L("begin") }, null, flags);
                    }
                    case ("Schedules", "StepDecay"):
                        Check(ConstructorRules.StepDecay(a.D("from"), a.D("gamma"), a.L("every")), a);
                        return NodeSpec.Make("step", new[] { a.D("from"), a.D("gamma") }, new[] { a.L("every") }, null);
                    case ("Schedules", "MultiStep"):
                    {
                        long[] milestones = a.Longs("milestones");
                        Check(ConstructorRules.MultiStep(a.D("from"), a.D("gamma"), milestones), a);
                        return NodeSpec.Make("multistep", new[] { a.D("from"), a.D("gamma") }, milestones, null);
                    }
                    case ("Schedules", "InverseSqrt"):
                        Check(ConstructorRules.InverseSqrt(a.D("peak"), a.L("timescale")), a);
                        return NodeSpec.Make("invsqrt", new[] { a.D("peak") }, new[] { a.L("timescale") }, null);
                    case ("Schedules", "Tanh"):
                        Check(ConstructorRules.Tanh(a.L("steps"), a.D("from"), a.D("to"), a.D("lb"), a.D("ub")), a);
                        return NodeSpec.Make("tanh", new[] { a.D("from"), a.D("to"), a.D("lb"), a.D("ub") }, new[] { a.L("steps") }, a.L("steps"));
                    case ("Schedules", "OneMinusSqrt"):
                        Check(ConstructorRules.OneMinusSqrt(a.L("steps"), a.D("from"), a.D("to")), a);
                        return NodeSpec.Make("one-minus-sqrt", new[] { a.D("from"), a.D("to") }, new[] { a.L("steps") }, a.L("steps"));
                    case ("Schedules", "Warmup"):
                    {
                        int shape = a.I("shape"), count = a.I("count");
                        Check(ConstructorRules.Warmup(a.L("steps"), a.D("from"), shape == 1), a);
                        return new Lead(null, new List<NodeSpec> { NodeSpec.Make("warmup", new[] { a.D("from") }, new[] { a.L("steps") }, a.L("steps"), shape | (count << 4)) });
                    }
                    case ("Schedules", "Hold"):
                        Check(ConstructorRules.Hold(a.L("steps")), a);
                        return new Lead(null, new List<NodeSpec> { NodeSpec.Make("hold", Array.Empty<double>(), new[] { a.L("steps") }, a.L("steps")) });
                    case ("Schedules", "Sequence"):
                    {
                        var phases = a.Elements("phases").Select(p => AsNode(Build(p, p.Syntax), p.Syntax)).ToList();
                        if (phases.Count == 0) throw new NotFlattenable(syntax, "Sequence()", DiagnosticDescriptors.NotFlattened);
                        return phases.Count == 1 ? phases[0] : Sequence(phases, syntax);
                    }
                    case ("Schedule", "Then"):
                    case ("Lead", "Then"):
                        return Then(Build(call.Instance, call.Instance!.Syntax), Build(a.Value("next") ?? a.Value("lead") ?? a.Value("more"), call.Arguments[0].Value.Syntax), syntax);
                    case ("Schedule", "Scale") when method.Parameters[0].Type.SpecialType == SpecialType.System_Double:
                        return Scale(Instance(call), a.D("factor"), a.Syntax("factor"));
                    case ("Schedule", "Shift"):
                        return Shift(Instance(call), a.L("steps"), a.Syntax("steps"));
                    case ("Schedule", "Stretch"):
                        return Stretch(Instance(call), a.D("factor"), a.Syntax("factor"), a);
                    case ("Schedule", "Take"):
                        Check(ConstructorRules.Take(a.L("steps")), a);
                        return NodeSpec.Make("take", Array.Empty<double>(), new[] { a.L("steps") }, a.L("steps"), 0, Instance(call));
                    case ("Schedule", "Clamp"):
                    {
                        Check(ConstructorRules.Clamp(a.D("low"), a.D("high")), a);
                        var inner = Instance(call);
                        return NodeSpec.Make("clamp", new[] { a.D("low"), a.D("high") }, Array.Empty<long>(), inner.Length, 0, inner).WithSpan(inner.Span);
                    }
                    case ("Schedule", "PerEpoch"):
                    {
                        Check(ConstructorRules.PerEpoch(a.L("stepsPerEpoch")), a);
                        var inner = Instance(call);
                        long? length = inner.Length.HasValue ? inner.Length.Value * a.L("stepsPerEpoch") : null;
                        return NodeSpec.Make("per-epoch", Array.Empty<double>(), new[] { a.L("stepsPerEpoch") }, length, 0, inner);
                    }
                    case ("Schedule", "Cycle"):
                        return Cycle(Instance(call), a.D("multiplier"), a.D("decay"), a.NullableL("limit"), a, syntax);
                    case ("Recipes", "WarmupCosine"):
                    {
                        long warmup = a.L("warmupSteps"), total = a.L("totalSteps");
                        Check(ConstructorRules.WarmupCosine(warmup, total), a);
                        Check(ConstructorRules.Warmup(warmup, 0, false), a);
                        var cosine = CosineNode(total - warmup, a.D("peak"), a.D("floor"), a);
                        var ramp = NodeSpec.Make("warmup", new[] { 0.0 }, new[] { warmup }, warmup, a.I("count") << 4);
                        return Sequence(new List<NodeSpec> { ramp, cosine }, syntax);
                    }
                    case ("Recipes", "Noam"):
                    {
                        long dModel = a.I("dModel"), warmup = a.L("warmupSteps");
                        Check(ConstructorRules.Noam(dModel, warmup, a.D("factor")), a);
                        double peak = a.D("factor") / Math.Sqrt(dModel) / Math.Sqrt(warmup);
                        var ramp = NodeSpec.Make("warmup", new[] { 0.0 }, new[] { warmup }, warmup);
                        return Sequence(new List<NodeSpec> { ramp, NodeSpec.Make("invsqrt", new[] { peak }, new[] { warmup }, null) }, syntax);
                    }
                    case ("Recipes", "Sgdr"):
                    {
                        var cosine = CosineNode(a.L("period"), a.D("peak"), a.D("floor"), a);
                        return Cycle(cosine, a.D("multiplier"), a.D("decay"), a.NullableL("limit"), a, syntax);
                    }
                    case ("Schedules", "Triangular"):
                    {
                        long up = a.L("up");
                        long? down = a.NullableL("down");
                        Check(ConstructorRules.Triangular(a.D("low"), a.D("high"), up, down, a.D("gamma")), a);
                        return NodeSpec.Make("triangular", new[] { a.D("low"), a.D("high"), a.D("gamma") }, new[] { up, down ?? up }, null, a.I("mode"));
                    }
                    case ("Schedule", "Mirror"):
                    {
                        Check(ConstructorRules.Mirror(a.D("low"), a.D("high")), a);
                        var inner = Instance(call);
                        return Mirror(inner, a.D("low"), a.D("high"));
                    }
                    case ("Recipes", "OneCycle"):
                    {
                        double max = a.D("maxRate"), pct = a.D("pctStart"), div = a.D("divFactor"), finalDiv = a.D("finalDivFactor");
                        long total = a.L("totalSteps");
                        Check(ConstructorRules.OneCycle(max, total, pct, div, finalDiv), a);
                        bool cosine = a.I("anneal") == 0, three = a.B("threePhase");
                        double initial = max / div, final = initial / finalDiv;
                        long up = (long)Math.Round(pct * total);
                        long rest = total - (three ? 2 * up : up);
                        if (up < 1 || rest < 1)
                            Report(new Violation("pctStart", ConstructorRules.Show(pct), "must leave every phase of a " + total + "-step one-cycle at least one step"), a.Syntax("pctStart"));
                        NodeSpec Segment(long steps, double from, double to) => cosine
                            ? NodeSpec.Make("cosine", new[] { from, to, 1.0, 1.0 }, new[] { steps }, steps)
                            : NodeSpec.Make("linear", new[] { from, to }, new[] { steps }, steps);
                        var phases = three
                            ? new List<NodeSpec> { Segment(up, initial, max), Segment(up, max, initial), Segment(rest, initial, final) }
                            : new List<NodeSpec> { Segment(up, initial, max), Segment(rest, max, final) };
                        var rate = Sequence(phases, syntax);
                        return new Pair(rate, Mirror(rate, a.D("baseMomentum"), a.D("maxMomentum")));
                    }
                    case ("Schedules", "PiecewiseConstant"):
                    {
                        double[] values = a.Elements("values").Select(e => Constant<double>(e)).ToArray();
                        long[] boundaries = a.Longs("boundaries");
                        Check(ConstructorRules.PiecewiseConstant(values, boundaries), a);
                        return NodeSpec.Make("piecewise", values, boundaries, null);
                    }
                    case ("Schedules", "Interpolate"):
                    {
                        var knots = a.Elements("knots").Select(Knot).ToArray();
                        Check(ConstructorRules.Interpolate(knots.Select(k => k.At).ToArray(), knots.Select(k => k.Value).ToArray()), a);
                        long length = (long)Math.Ceiling(knots[knots.Length - 1].At) is var l && l >= 1 ? l : 1;
                        return NodeSpec.Make("interpolate", knots.SelectMany(k => new[] { k.At, k.Value }).ToArray(), Array.Empty<long>(), length, a.I("kind"));
                    }
                    case ("Schedules", "Min"):
                    case ("Schedules", "Max"):
                    {
                        var left = AsNode(Build(a.Value("a"), a.Value("a")!.Syntax), a.Value("a")!.Syntax);
                        var right = AsNode(Build(a.Value("b"), a.Value("b")!.Syntax), a.Value("b")!.Syntax);
                        long? length = left.Length.HasValue && right.Length.HasValue ? Math.Max(left.Length.Value, right.Length.Value) : null;
                        return NodeSpec.Make(name == "Max" ? "max" : "min", Array.Empty<double>(), Array.Empty<long>(), length, 0, left, right);
                    }
                    case ("Recipes", "WarmupStableDecay"):
                    {
                        long warmup = a.L("warmupSteps"), stable = a.L("stableSteps"), decay = a.L("decaySteps");
                        double peak = a.D("peak"), floor = a.D("floor");
                        Check(ConstructorRules.WarmupStableDecay(warmup, stable, decay, peak, floor), a);
                        var fall = a.I("decay") switch
                        {
                            1 => NodeSpec.Make("cosine", new[] { peak, floor, 1.0, 1.0 }, new[] { decay }, decay),
                            2 => NodeSpec.Make("one-minus-sqrt", new[] { peak, floor }, new[] { decay }, decay),
                            _ => NodeSpec.Make("linear", new[] { peak, floor }, new[] { decay }, decay),
                        };
                        var phases = new List<NodeSpec> { NodeSpec.Make("warmup", new[] { 0.0 }, new[] { warmup }, warmup) };
                        if (stable > 0) phases.Add(NodeSpec.Make("hold", Array.Empty<double>(), new[] { stable }, stable));
                        phases.Add(fall);
                        return Sequence(phases, syntax);
                    }
                    default:
                        ValidateUnflattened(call, owner, name, a);
                        throw new NotFlattenable(syntax, owner + "." + name, DiagnosticDescriptors.NotFlattened);
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

            /// <summary>A validated plain cosine, for the recipes that are built from one.</summary>
            private NodeSpec CosineNode(long steps, double peak, double floor, Args a)
            {
                Check(ConstructorRules.Cosine(steps, peak, floor, 1, 1), a);
                return NodeSpec.Make("cosine", new[] { peak, floor, 1.0, 1.0 }, new[] { steps }, steps);
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
            private object Then(object first, object next, SyntaxNode syntax)
            {
                switch (first, next)
                {
                    case (NodeSpec a, NodeSpec b):
                        return Sequence(new List<NodeSpec> { a, b }, syntax);
                    case (NodeSpec a, Lead b):
                        return new Lead(b.Before is null ? a : Sequence(new List<NodeSpec> { a, b.Before }, syntax), b.Parts);
                    case (Lead a, Lead b) when b.Before is null:
                        return new Lead(a.Before, a.Parts.Concat(b.Parts).ToList());
                    case (Lead a, NodeSpec b):
                    {
                        var tail = Sequence(a.Parts.Concat(new[] { b }).ToList(), syntax);
                        return a.Before is null ? tail : Sequence(new List<NodeSpec> { a.Before, tail }, syntax);
                    }
                    default:
                        throw new NotFlattenable(syntax, syntax.ToString(), DiagnosticDescriptors.NotFlattened);
                }
            }

            /// <summary>The runtime's flat sequence: nested sequences are spliced; every phase but the last must end.</summary>
            private NodeSpec Sequence(List<NodeSpec> parts, SyntaxNode syntax)
            {
                var phases = new List<NodeSpec>();
                foreach (var part in parts)
                {
                    if (part.Kind == "sequence") phases.AddRange(part.Children);
                    else phases.Add(part);
                }
                var starts = new long[phases.Count];
                long at = 0;
                for (int i = 0; i < phases.Count; i++)
                {
                    starts[i] = at;
                    if (i < phases.Count - 1)
                    {
                        if (!phases[i].Length.HasValue)
                        {
                            errors.Add(new DiagnosticInfo(DiagnosticDescriptors.NeverEnds.Id, LocationInfo.From(syntax), new[] { phases[i].Kind }.ToEquatableArray()));
                            throw new InvalidRecipe();
                        }
                        at += phases[i].Length!.Value;
                    }
                }
                long? length = phases[phases.Count - 1].Length.HasValue ? starts[starts.Length - 1] + phases[phases.Count - 1].Length!.Value : null;
                return new NodeSpec("sequence", EquatableArray<double>.Empty, starts.ToEquatableArray(), 0, phases.ToEquatableArray(), length,
                    length.HasValue ? length.Value : double.PositiveInfinity);
            }

            private static NodeSpec Mirror(NodeSpec inner, double low, double high) =>
                NodeSpec.Make("mirror", new[] { low, high }, Array.Empty<long>(), inner.Length, 0, inner).WithSpan(inner.Span);

            private NodeSpec Scale(NodeSpec inner, double factor, SyntaxNode syntax)
            {
                if (ConstructorRules.Scale(factor) is { } broken) Report(broken, syntax);
                if (factor == 1) return inner;
                var (target, combined) = inner.Kind == "scale" ? (inner.Child, inner.N(0) * factor) : (inner, factor);
                return combined == 1 ? target : NodeSpec.Make("scale", new[] { combined }, Array.Empty<long>(), target.Length, 0, target).WithSpan(target.Span);
            }

            private NodeSpec Shift(NodeSpec inner, long steps, SyntaxNode syntax)
            {
                if (steps == 0) return inner;
                var (target, total) = inner.Kind == "shift" ? (inner.Child, inner.W(0) + steps) : (inner, steps);
                if (total == 0) return target;
                if (ConstructorRules.ShiftedLength(steps, target.Length, total) is { } tooShort) Report(tooShort, syntax);
                long? length = target.Length.HasValue ? Math.Max(1, target.Length.Value + total) : null;
                return NodeSpec.Make("shift", Array.Empty<double>(), new[] { total }, length, 0, target);
            }

            private NodeSpec Stretch(NodeSpec inner, double factor, SyntaxNode syntax, Args a)
            {
                Check(ConstructorRules.Stretch(factor), a);
                if (factor == 1) return inner;
                var (target, combined) = inner.Kind == "stretch" ? (inner.Child, inner.N(0) * factor) : (inner, factor);
                if (combined == 1) return target;
                if (ConstructorRules.StretchedLength(factor, target.Length, combined) is { } outOfRange) Report(outOfRange, syntax);
                long? length = target.Length.HasValue ? (long)Math.Ceiling(target.Length.Value * combined) : null;
                return NodeSpec.Make("stretch", new[] { combined }, Array.Empty<long>(), length, 0, target).WithSpan(target.Span * combined);
            }

            private NodeSpec Cycle(NodeSpec inner, double multiplier, double decay, long? limit, Args a, SyntaxNode syntax)
            {
                if (!inner.Length.HasValue)
                {
                    errors.Add(new DiagnosticInfo(DiagnosticDescriptors.NeverEnds.Id, LocationInfo.From(syntax), new[] { inner.Kind }.ToEquatableArray()));
                    throw new InvalidRecipe();
                }
                Check(ConstructorRules.Cycle(multiplier, decay, limit), a);
                double period = inner.Span;
                long? length = limit.HasValue
                    ? (long)Math.Ceiling(CycleSpans.Total(period, multiplier, limit.Value))
                    : null;
                return NodeSpec.Make("cycle", new[] { multiplier, decay, period }, new[] { limit ?? -1 }, length, 0, inner);
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
