/** Thumbnails of stored photos (served by /api/files/<id>, which checks the viewer's site). */
export function PhotoStrip({ fileIds, label }: { fileIds: string[]; label: string }) {
  if (fileIds.length === 0) return null;
  return (
    <figure className="mt-2">
      <figcaption className="mb-1 text-xs text-slate-500">{label}</figcaption>
      <ul className="flex flex-wrap gap-2">
        {fileIds.map((id, i) => (
          <li key={id}>
            <a href={`/api/files/${id}`} target="_blank" rel="noreferrer">
              {/* eslint-disable-next-line @next/next/no-img-element -- private, access-checked files; next/image would cache them publicly */}
              <img
                src={`/api/files/${id}`}
                alt={`${label} ${i + 1}`}
                loading="lazy"
                className="h-20 w-20 rounded border border-slate-200 object-cover"
              />
            </a>
          </li>
        ))}
      </ul>
    </figure>
  );
}
