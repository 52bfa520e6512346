package reports

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// Shares round to the nearest percent, but 100% means every event and 0%
// none.
func TestCheckSharePercent(t *testing.T) {
	for _, row := range []struct{ met, applicable, want int }{
		{2, 3, 67}, {1, 3, 33}, {13, 15, 87}, {1, 2, 50}, {3, 3, 100}, {0, 3, 0},
		{199, 200, 99}, {1, 200, 1}, {0, 0, 0},
	} {
		require.Equal(t, row.want, checkShare{Applicable: row.applicable, MetOrWaiv: row.met}.Percent(), "%d/%d", row.met, row.applicable)
	}
}
