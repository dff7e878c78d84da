namespace LrCompose.Text;

/// <summary>The syntax tree of a text recipe, before names are bound to schedules. Offsets are 0-based.</summary>
internal abstract record RecipeExpr(int Offset);

/// <summary><c>name arg arg key=value (schedule)</c>.</summary>
internal sealed record Application(string Name, IReadOnlyList<RecipeArg> Args, int Offset) : RecipeExpr(Offset);

/// <summary><c>a &gt;&gt; b &gt;&gt; c</c>.</summary>
internal sealed record Chain(IReadOnlyList<RecipeExpr> Parts, int Offset) : RecipeExpr(Offset);

/// <summary>An argument of an application.</summary>
internal abstract record RecipeArg(int Offset);

/// <summary>A positional number, such as a phase length.</summary>
internal sealed record NumberArg(double Value, string Text, int Offset) : RecipeArg(Offset);

/// <summary>A positional schedule, in parentheses.</summary>
internal sealed record ScheduleArg(RecipeExpr Expr, int Offset) : RecipeArg(Offset);

/// <summary>A quoted string (names of functions, which text cannot rebuild).</summary>
internal sealed record StringArg(string Value, int Offset) : RecipeArg(Offset);

/// <summary><c>key=value</c>.</summary>
internal sealed record NamedArg(string Key, RecipeValue Value, int Offset) : RecipeArg(Offset);

/// <summary>The value of a named argument.</summary>
internal abstract record RecipeValue(int Offset);

internal sealed record NumberValue(double Value, string Text, int Offset) : RecipeValue(Offset);

internal sealed record WordValue(string Word, int Offset) : RecipeValue(Offset);

/// <summary><c>[1, 2, 3]</c> or knots <c>[0:1, 10:0.5]</c>.</summary>
internal sealed record ListValue(IReadOnlyList<(double At, double? Value)> Items, int Offset, IReadOnlyList<string>? AtTexts = null) : RecipeValue(Offset);
