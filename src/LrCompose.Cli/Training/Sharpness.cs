namespace LrCompose.Cli.Training;

/// <summary>
/// The sharpness of a loss at a point: the largest eigenvalue λ_max of its Hessian, the number gradient descent's
/// stability turns on (a step of rate η is stable along the top direction only while η &lt; 2/λ_max). Found by power
/// iteration on Hessian–vector products, each one a central finite difference of two exact gradients,
/// <c>Hv ≈ (∇L(p + εv) − ∇L(p − εv)) / 2ε</c> with ‖v‖ = 1 and ε = <see cref="Epsilon"/> (error O(ε²) for a smooth
/// loss). The iteration stops when the residual ‖Hv − (vᵀHv)v‖ is below <see cref="Tolerance"/> times |vᵀHv|: for a
/// symmetric H an eigenvalue then lies within that residual of the estimate vᵀHv (and, since the estimate's error is
/// of the order of the residual squared over the gap to the next eigenvalue, usually far closer). A stopping rule on
/// the change of vᵀHv between iterations would stop early where the top two eigenvalues are close.
/// </summary>
internal static class Sharpness
{
    /// <summary>The finite-difference step along the unit vector.</summary>
    public const double Epsilon = 1e-5;

    /// <summary>The residual, relative to the eigenvalue estimate, at which the iteration stops.</summary>
    public const double Tolerance = 1e-4;

    /// <summary>A loss's exact gradient at a point, written into the second argument.</summary>
    public delegate void GradientOf(ReadOnlySpan<double> point, Span<double> gradient);

    /// <summary>
    /// λ_max of the Hessian at <paramref name="point"/>. Power iteration finds the eigenvalue of largest magnitude; if
    /// that one is negative, a second run on H − λI finds the largest. <paramref name="start"/>, when given, is the
    /// first direction (the previous step's top eigenvector converges in a few iterations) and receives the last one.
    /// </summary>
    public static double Top(GradientOf gradient, ReadOnlySpan<double> point, int maxIterations = 200, double[]? start = null, int seed = 0)
    {
        var v = start ?? RandomUnit(point.Length, seed);
        if (start is not null && Norm(v) == 0) FillRandomUnit(v, seed);
        double largest = Iterate(gradient, point, v, 0, maxIterations);
        if (largest >= 0) return largest;
        // The most negative eigenvalue dominated; shifted by it, the spectrum is ≥ 0 and its top is λ_max − largest.
        var w = RandomUnit(point.Length, seed + 1);
        return largest + Iterate(gradient, point, w, -largest, maxIterations);
    }

    /// <summary>Power iteration on H + shift·I from <paramref name="v"/> (normalised in place); the dominant eigenvalue of H + shift·I.</summary>
    private static double Iterate(GradientOf gradient, ReadOnlySpan<double> point, double[] v, double shift, int maxIterations)
    {
        int n = point.Length;
        var hv = new double[n];
        var plus = new double[n];
        var minus = new double[n];
        var probe = new double[n];
        Scale(v, 1 / Norm(v));
        double estimate = 0;
        for (int iteration = 0; iteration < maxIterations; iteration++)
        {
            for (int i = 0; i < n; i++) probe[i] = point[i] + Epsilon * v[i];
            gradient(probe, plus);
            for (int i = 0; i < n; i++) probe[i] = point[i] - Epsilon * v[i];
            gradient(probe, minus);
            double quotient = 0;
            for (int i = 0; i < n; i++)
            {
                hv[i] = (plus[i] - minus[i]) / (2 * Epsilon) + shift * v[i];
                quotient += v[i] * hv[i];
            }
            double norm = Norm(hv);
            if (norm == 0 || !double.IsFinite(norm)) return double.IsFinite(quotient) ? quotient : 0;
            double residual = 0;
            for (int i = 0; i < n; i++) residual += (hv[i] - quotient * v[i]) * (hv[i] - quotient * v[i]);
            bool settled = Math.Sqrt(residual) <= Tolerance * Math.Abs(quotient);
            estimate = quotient;
            for (int i = 0; i < n; i++) v[i] = hv[i] / norm;
            if (settled) break;
        }
        return estimate;
    }

    private static double[] RandomUnit(int n, int seed)
    {
        var v = new double[n];
        FillRandomUnit(v, seed);
        return v;
    }

    private static void FillRandomUnit(double[] v, int seed)
    {
        var random = new Random(seed);
        for (int i = 0; i < v.Length; i++) v[i] = random.NextDouble() * 2 - 1;
        Scale(v, 1 / Norm(v));
    }

    private static double Norm(double[] v)
    {
        double sum = 0;
        foreach (double x in v) sum += x * x;
        return Math.Sqrt(sum);
    }

    private static void Scale(double[] v, double factor)
    {
        for (int i = 0; i < v.Length; i++) v[i] *= factor;
    }
}
