using LanguageExt;
using LanguageExt.Common;
using LrCompose.Text;

namespace LrCompose
{
    public abstract partial class Schedule
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

        /// <summary>Reads a recipe; a failure carries a <see cref="RecipeFormatException"/> with the position.</summary>
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
