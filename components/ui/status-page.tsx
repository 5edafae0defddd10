import Link from "@/components/ui/link";

/** The body of the 401, 403 and 404 pages: the status, one sentence, one way on. */
export function StatusPage(props: { status: 401 | 403 | 404; message: string; href: string; linkLabel: string; testId?: string }) {
  return (
    <div className="mx-auto max-w-md p-8 text-center">
      <h1 className="mb-2 text-2xl font-semibold">{props.status}</h1>
      <p className="mb-4 text-slate-600" data-testid={props.testId}>
        {props.message}
      </p>
      <Link href={props.href} className="text-sky-700 underline">
        {props.linkLabel}
      </Link>
    </div>
  );
}
