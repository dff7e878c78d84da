namespace LrCompose;

/// <summary>
/// The peers' suggestion rules over the kept (rate, smoothed loss) points, with numpy's and PyTorch's semantics where
/// they matter (argmin returns the first NaN if there is one; <c>np.gradient</c> takes one-sided differences at the ends).
/// </summary>
internal static class RangeTestSuggestions
{
    /// <summary>fastai <c>valley</c>: the longest strictly decreasing run (an O(n²) longest-decreasing-subsequence
    /// scan), and the rate a third and a sixth of the way down it.</summary>
    public static double Valley(double[] rates, double[] losses)
    {
        int n = losses.Length, maxStart = 0, maxEnd = 0;
        var lds = Enumerable.Repeat(1, n).ToArray();
        for (int i = 1; i < n; i++)
            for (int j = 0; j < i; j++)
            {
                if (losses[i] < losses[j] && lds[i] < lds[j] + 1) lds[i] = lds[j] + 1;
                if (lds[maxEnd] < lds[i])
                {
                    maxEnd = i;
                    maxStart = maxEnd - lds[maxEnd];
                }
            }
        double sections = (maxEnd - maxStart) / 3.0;
        // A run down from the very first point makes maxStart −1; with two points the index stays −1, which fastai's
        // Python reads as the last point.
        int index = maxStart + (int)sections + (int)(sections / 2);
        return rates[index < 0 ? n + index : index];
    }

    /// <summary>fastai <c>slide</c>: from the right, move a 15-point window left while the loss gradients at its two
    /// ends differ by more than 0.005; the rate at its left end. None on <paramref name="lrDiff"/> points or fewer,
    /// where the window does not fit (fastai fails there).</summary>
    public static double? Slide(double[] rates, double[] losses, int lrDiff = 15, double thresh = 0.005)
    {
        if (losses.Length <= lrDiff) return null;
        int n = losses.Length;
        var grad = Gradient(losses);
        // Python's negative indices, as fastai writes them.
        double At(double[] a, int i) => a[i < 0 ? n + i : i];
        int r = -1, l = r - lrDiff;
        double local = At(rates, l);
        while (l >= -n && Math.Abs(At(grad, r) - At(grad, l)) > thresh)
        {
            local = At(rates, l);
            r--;
            l--;
        }
        return local;
    }

    /// <summary>fastai <c>minimum</c>: the rate of the lowest loss, divided by 10.</summary>
    public static double Minimum(double[] rates, double[] losses) => rates[ArgMin(losses)] / 10;

    /// <summary>fastai <c>steep</c>: the left rate of the steepest descent per unit of log rate between neighbours.</summary>
    public static double Steep(double[] rates, double[] losses)
    {
        var grads = new double[losses.Length - 1];
        for (int i = 0; i < grads.Length; i++) grads[i] = (losses[i + 1] - losses[i]) / (Math.Log(rates[i + 1]) - Math.Log(rates[i]));
        return rates[ArgMin(grads)];
    }

    /// <summary>torch-lr-finder: the rate at the most negative <c>np.gradient</c> of the losses.</summary>
    public static double Steepest(double[] rates, double[] losses) => rates[ArgMin(Gradient(losses))];

    /// <summary>numpy's <c>gradient</c> with unit spacing: central differences inside, one-sided at the ends.</summary>
    public static double[] Gradient(double[] f)
    {
        int n = f.Length;
        var g = new double[n];
        if (n < 2) return g;
        g[0] = f[1] - f[0];
        g[n - 1] = f[n - 1] - f[n - 2];
        for (int i = 1; i < n - 1; i++) g[i] = (f[i + 1] - f[i - 1]) / 2;
        return g;
    }

    /// <summary>numpy's and PyTorch's argmin: the first minimum, or the first NaN when there is one.</summary>
    public static int ArgMin(double[] values)
    {
        int best = 0;
        for (int i = 0; i < values.Length; i++)
        {
            if (double.IsNaN(values[i])) return i;
            if (values[i] < values[best]) best = i;
        }
        return best;
    }
}
