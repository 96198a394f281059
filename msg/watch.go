package msg

// What chitieu watch says.
const (
	WatchNotFolder     Code = "watch.not_folder"
	WatchWatching      Code = "watch.watching"
	WatchOverflow      Code = "watch.overflow"
	WatchFolderGone    Code = "watch.folder_gone"
	WatchCannotWatch   Code = "watch.cannot_watch"
	WatchChanged       Code = "watch.changed"
	WatchRefreshFailed Code = "watch.refresh_failed"
	WatchRemoved       Code = "watch.removed"
	WatchMore          Code = "watch.more"
)

// watchTexts are what chitieu watch says as it runs. WatchCannotWatch
// wraps an error (%w): it is a format for fmt.Errorf, taken without args.
var watchTexts = map[Code]Words{
	WatchNotFolder: {"%s không phải thư mục", "%s is not a folder"},
	// The time, then the folder.
	WatchWatching:    {"%s Đang theo dõi %s — nhấn Ctrl-C để dừng.", "%s Watching %s — press Ctrl-C to stop."},
	WatchOverflow:    {"chitieu: quá nhiều thay đổi cùng lúc; xem lại cả thư mục", "chitieu: too many changes at once; rescanning the folder"},
	WatchFolderGone:  {"thư mục %s đã bị xoá hoặc chuyển đi", "folder %s was removed or moved away"},
	WatchCannotWatch: {"không theo dõi được %s: %w", "cannot watch %s: %w"},
	// The time, then the files changed (WatchRemoved after those gone,
	// WatchMore after the first few).
	WatchChanged:       {"%s Có thay đổi: %s — lập lại báo cáo.", "%s Changed: %s — refreshing the report."},
	WatchRefreshFailed: {"chitieu: lập báo cáo không được: %v (vẫn tiếp tục theo dõi)", "chitieu: the report failed: %v (still watching)"},
	WatchRemoved:       {" (đã xoá)", " (removed)"},
	WatchMore:          {" và %d tệp khác", " and %d more"},
}
