using System.Diagnostics.CodeAnalysis;
using LanguageExt;
using LanguageExt.Common;
using LrCompose.Text;

namespace LrCompose
{
    public abstract partial class Schedule : IParsable<Schedule>
    {
        /// <summary>
        /// Reads a recipe in LrCompose notation — the same notation <see cref="ToString"/> prints, so
        /// <c>Parse(s.ToString())</c> evaluates bit-identically to <c>s</c>. Presets parse by name (<c>gpt2</c>).
        /// </summary>
        /// <exception cref="RecipeFormatException">The text is not a valid recipe; the exception says where and why.</exception>
        public static Schedule Parse(string recipe)
        {
            ArgumentNullException.ThrowIfNull(recipe);
            return new RecipeBinder(recipe).BindSchedule(RecipeParser.Parse(recipe));
        }

        /// <summary>Reads a recipe (<see cref="IParsable{TSelf}"/>); the provider is not used: recipes are culture-invariant.</summary>
        /// <exception cref="RecipeFormatException">The text is not a valid recipe.</exception>
        public static Schedule Parse(string s, IFormatProvider? provider)
        {
            ArgumentNullException.ThrowIfNull(s);
            return Parse(s);
        }

        /// <summary>Tries to read a recipe (<see cref="IParsable{TSelf}"/>); false for any text that is not a valid recipe.</summary>
        public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, [MaybeNullWhen(false)] out Schedule result) =>
            TryParse(s, out result);

        /// <summary>Tries to read a recipe; false for any text that is not a valid recipe (use <see cref="Parse(string)"/>
        /// or <see cref="TryParse(string)"/> to learn where and why).</summary>
        public static bool TryParse([NotNullWhen(true)] string? s, [MaybeNullWhen(false)] out Schedule result)
        {
            result = null;
            if (s is null) return false;
            try
            {
                result = Parse(s);
                return true;
            }
            catch (RecipeFormatException)
            {
                return false;
            }
        }

        /// <summary>
        /// Checks a recipe and reports <b>every</b> problem in it at once, not just the first: each phase of a chain and
        /// each schedule argument is checked on its own (<c>cosine 0 peak=1 &gt;&gt; linear 10 from=-1 to=0</c> gives
        /// two problems). A syntax error stops the reading, so it comes alone.
        /// </summary>
        /// <returns>The schedule, or each problem with its position, accumulated as a LanguageExt <c>Validation</c>.</returns>
        public static Validation<RecipeFormatException, Schedule> Validate(string recipe)
        {
            ArgumentNullException.ThrowIfNull(recipe);
            RecipeExpr expr;
            try
            {
                expr = RecipeParser.Parse(recipe);
            }
            catch (RecipeFormatException e)
            {
                return Validation<RecipeFormatException, Schedule>.Fail(Prelude.Seq1(e));
            }
            var problems = new RecipeBinder(recipe).Problems(expr, out var schedule);
            return problems.Count == 0 && schedule is not null
                ? Validation<RecipeFormatException, Schedule>.Success(schedule)
                : Validation<RecipeFormatException, Schedule>.Fail(problems.ToSeq());
        }

        /// <summary>Reads a recipe, for functional callers: a failure carries the <see cref="RecipeFormatException"/>
        /// with the position, as a LanguageExt <c>Fin</c> that composes with <c>Bind</c>/<c>Map</c>.</summary>
        public static Fin<Schedule> TryParse(string recipe)
        {
            try
            {
                return Fin<Schedule>.Succ(Parse(recipe));
            }
            catch (RecipeFormatException e)
            {
                return Fin<Schedule>.Fail(Error.New(e));
            }
        }
    }
}
