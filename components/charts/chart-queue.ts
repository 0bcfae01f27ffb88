import { useEffect, useState, type RefObject } from "react";
import type { RechartsBarChart } from "./recharts-bar-chart";

type RechartsChart = typeof RechartsBarChart;
type Draw = (chart: RechartsChart) => void;

// Drawing one recharts chart is a long task on a phone (it measures every label), and the dashboard has four. A chart
// is drawn only when it comes within half a screen of the viewport, and then in an idle period of its own: none holds
// up the headline figures and tables, and no two share one long task. recharts is downloaded for the first of them.
const waiting: Draw[] = [];
let recharts: Promise<RechartsChart> | undefined;
let drawing = false;

/** The recharts component once it is this figure's turn to be drawn; undefined until then. */
export function useRechartsWhenNear(figure: RefObject<HTMLElement | null>): RechartsChart | undefined {
  const [chart, setChart] = useState<RechartsChart>();
  useEffect(() => {
    const draw: Draw = (loaded) => setChart(() => loaded);
    const observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((e) => e.isIntersecting)) return;
        observer.disconnect();
        waiting.push(draw);
        void drawInTurn();
      },
      { rootMargin: "50% 0px" },
    );
    observer.observe(figure.current!);
    return () => {
      observer.disconnect();
      if (waiting.includes(draw)) waiting.splice(waiting.indexOf(draw), 1);
    };
  }, [figure]);
  return chart;
}

async function drawInTurn() {
  if (drawing) return;
  drawing = true;
  recharts ??= import("./recharts-bar-chart").then((m) => m.RechartsBarChart);
  const chart = await recharts;
  while (waiting.length > 0) {
    await idle();
    waiting.shift()?.(chart);
  }
  drawing = false;
}

function idle(): Promise<void> {
  // Safari has no requestIdleCallback.
  if (!("requestIdleCallback" in window)) return new Promise((resolve) => setTimeout(resolve, 100));
  return new Promise((resolve) => requestIdleCallback(() => resolve(), { timeout: 1000 }));
}
