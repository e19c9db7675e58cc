"""Canonical labels of section headings: lexicon, agencies, sentences, the classifier's place."""
from __future__ import annotations

import pytest

from extractor.labels import LABELS, label_heading, lexicon_labels, names_agency

# heading as a document might print it -> labels, in the order the heading names them
HEADINGS = [
    ("MỤC ĐÍCH, YÊU CẦU", ["muc_dich", "yeu_cau"]),
    ("Mục đích", ["muc_dich"]),
    ("ĐỐI TƯỢNG, PHẠM VI VÀ THỜI GIAN ÁP DỤNG", ["doi_tuong", "pham_vi", "thoi_gian"]),
    ("Nội dung, hình thức phổ biến", ["noi_dung", "hinh_thuc"]),
    ("Hình thức khen thưởng", ["hinh_thuc", "khen_thuong"]),
    ("NHIỆM VỤ VÀ GIẢI PHÁP CHỦ YẾU", ["nhiem_vu", "giai_phap"]),
    ("Các hoạt động trọng tâm", ["nhiem_vu"]),
    ("HOẠT ĐỘNG KIỂM TRA TRỌNG TÂM", ["nhiem_vu"]),
    ("Tiến độ triển khai", ["thoi_gian"]),
    ("Lộ trình thực hiện", ["thoi_gian"]),
    ("Nguồn kinh phí", ["kinh_phi"]),
    ("TỔ CHỨC THỰC HIỆN", ["to_chuc_thuc_hien"]),
    ("Phân công trách nhiệm", ["to_chuc_thuc_hien"]),
    ("Cơ quan thực hiện", ["to_chuc_thuc_hien"]),
    ("Kết quả đạt được", ["ket_qua"]),
    ("TÌNH HÌNH THỰC HIỆN KẾ HOẠCH NĂM 2025", ["ket_qua"]),
    ("Những thuận lợi, khó khăn", ["thuan_loi", "kho_khan"]),
    ("Tồn tại, hạn chế và nguyên nhân", ["kho_khan", "nguyen_nhan"]),
    ("Bài học kinh nghiệm", ["bai_hoc"]),
    # "phương hướng, nhiệm vụ" is one label, not two
    ("PHƯƠNG HƯỚNG, NHIỆM VỤ 6 THÁNG CUỐI NĂM", ["phuong_huong"]),
    ("Nhiệm vụ, giải pháp trong thời gian tới", ["nhiem_vu", "giai_phap", "phuong_huong"]),
    ("ĐỀ XUẤT, KIẾN NGHỊ", ["kien_nghi"]),
    ("Đánh giá chung", ["danh_gia"]),
    ("Nhận xét, đánh giá", ["danh_gia"]),
    ("Chế độ thông tin, báo cáo", ["che_do_bao_cao"]),
    ("Thi đua, khen thưởng", ["khen_thuong"]),
    ("QUAN ĐIỂM CHỈ ĐẠO", ["quan_diem"]),
    ("Mục tiêu cụ thể", ["muc_tieu"]),
    ("CHỈ TIÊU PHẤN ĐẤU", ["muc_tieu"]),
    # old and new tone placement both match (hoà / hòa, uỷ / ủy)
    ("Kết quả thực hiện hoà giải ở cơ sở", ["ket_qua"]),
    # "Đánh giá" alone does not make an evaluation section
    ("Đánh giá nguy cơ ngập úng", []),
    ("Phương pháp chọn mẫu", []),
    ("Tổ chức triển khai thực hiện Đề án chuyển đổi số trong trường học", []),
    ("Công tác tuyên truyền", []),
    # content topics, not kinds of section
    ("Các quan điểm, chủ trương của Đảng về chuyển đổi số", []),
    ("Tuyên truyền kết quả cải cách thủ tục hành chính của xã", []),
    ("Đánh giá kết quả thực hiện", ["ket_qua"]),
]

# a heading that names an agency carries no label, whatever words follow
AGENCIES = [
    ("Sở Tư pháp", True),
    ("Ủy ban nhân dân các xã, phường", True),
    ("Uỷ ban nhân dân cấp huyện", True),
    ("UBND các huyện, thị xã", True),
    ("Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", True),
    ("Giao Sở Tài chính", True),
    ("Công chức Địa chính - Xây dựng", True),
    ("Đài Truyền thanh huyện", True),
    ("Các đoàn thể chính trị - xã hội", True),
    ("Báo cáo kết quả thực hiện", False),
    ("Ban hành văn bản hướng dẫn", False),
    ("Phòng, chống dịch bệnh", False),
    ("Nội dung tuyên truyền", False),
]

# whole-sentence items: their heading is a task, not a kind of section
SENTENCES = [
    ("Kinh phí thực hiện kế hoạch được bảo đảm từ nguồn ngân sách xã năm 2026 và các nguồn hợp pháp khác", []),
    ("Sở Tài chính chủ trì, phối hợp với các sở, ngành bố trí kinh phí thường xuyên cho các nhiệm vụ", []),
    ("Kết quả rà soát, cắt giảm, đơn giản hóa thủ tục hành chính thuộc thẩm quyền giải quyết của tỉnh", ["ket_qua"]),
    ("Về kiến nghị bổ sung vốn đầu tư cho các tuyến đường liên xã bị sạt lở sau mùa mưa lũ năm 2025", ["kien_nghi"]),
    ("Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam huyện phối hợp tuyên truyền, vận động hội viên tham gia", []),
    ("Kết quả thực hiện, công tác tuyên truyền cải cách hành chính quý II năm 2026 của xã", ["ket_qua"]),
    ("Các quan điểm, chủ trương của Đảng, chính sách, pháp luật của Nhà nước về đất đai, nhà ở", []),
]


@pytest.mark.parametrize("heading, labels", HEADINGS)
def test_heading_labels(heading, labels):
    assert label_heading(heading) == labels


@pytest.mark.parametrize("heading, agency", AGENCIES)
def test_agency_headings(heading, agency):
    assert names_agency(heading) is agency
    if agency:
        assert label_heading(heading) == []


@pytest.mark.parametrize("heading, labels", SENTENCES)
def test_sentence_headings(heading, labels):
    assert label_heading(heading) == labels


def test_lexicon_gives_only_known_codes():
    for heading, _ in HEADINGS + SENTENCES:
        assert set(lexicon_labels(heading)) <= set(LABELS)


def test_classifier_round_trips_through_json_and_is_shipped_only_when_it_helps():
    """Weights exported as plain JSON reproduce the trained model (no pickle, no scikit-learn at
    run time); the package carries them only when the training script found that they help."""
    import importlib.util
    import json
    from importlib import resources

    from conftest import ROOT
    from extractor.labels import MODEL_FILE, label_with, model_from_dict

    spec = importlib.util.spec_from_file_location("train_labels", ROOT / "models" / "train_labels.py")
    train = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(train)
    model = model_from_dict(json.loads(json.dumps(train.fit(train.load(train.DATA)))))
    assert model.predict("Những việc đã làm được") == ["ket_qua"]
    assert model.predict("Kinh nghiệm rút ra") == ["bai_hoc"]
    assert label_with("Kinh nghiệm rút ra", None) == []  # the lexicon alone does not know it
    assert label_with("Kinh nghiệm rút ra", model) == ["bai_hoc"]

    shipped = json.loads(resources.files("extractor.data").joinpath(MODEL_FILE).read_text(encoding="utf-8"))
    assert ("vocabulary" in shipped) == shipped["enabled"]
    assert label_heading("Kinh nghiệm rút ra") == (["bai_hoc"] if shipped["enabled"] else [])
