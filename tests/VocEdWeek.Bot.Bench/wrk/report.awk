# Turns the WRK lines printed by activity.lua's done() into the Markdown table, the bot/bare ratios
# and the connector check. Variable calls = connector calls the bench's --serve mode counted.
# Fields: WRK target connections requests req/s p50 p90 p99 max errors ok (times in ms).
$1 == "WRK" && $2 ~ /^bot/ { answered += $11 }
$1 == "WRK" && $2 !~ /warmup/ {
  rows[++n] = sprintf("| %s | %s | %d | %.0f | %.2f | %.2f | %.2f | %.1f | %d |", $2, $3, $4, $5, $6, $7, $8, $9, $10)
  rps[$2, $3] = $5; p50[$2, $3] = $6; p90[$2, $3] = $7; p99[$2, $3] = $8; errors += $10
  if (!($3 in seen)) { seen[$3] = 1; order[++m] = $3 }
}
END {
  print "| target | connections | requests | req/s | p50 ms | p90 ms | p99 ms | max ms | errors |"
  print "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
  for (i = 1; i <= n; i++) print rows[i]
  print ""
  for (j = 1; j <= m; j++) {
    c = order[j]
    if (!(("bot", c) in rps) || !(("bare", c) in rps)) continue
    printf "- %s connections: bot/bare throughput %.3f (bare is %.1fx faster); latency bot/bare p50 %.1fx, p90 %.1fx, p99 %.1fx\n",
      c, rps["bot", c] / rps["bare", c], rps["bare", c] / rps["bot", c], p50["bot", c] / p50["bare", c], p90["bot", c] / p90["bare", c], p99["bot", c] / p99["bare", c]
  }
  # +1: the start-up check sends one help message. wrk drops requests still in flight when it stops;
  # the bot finishes those turns, so there may be a few more replies than counted 200s, never fewer.
  printf "- connector replies: %s for %d bot 200s counted by wrk (warm-up and start-up check included)\n", calls, answered + 1
  if (errors > 0 || calls + 0 < answered + 1) exit 1
}
